#!/usr/bin/env bash
# Scale benchmark (not part of the test run): a consumer embedding 3,000 digests (~84 MB) made from the corpus
# sample by shifting dates, against the same consumer embedding one digest.
#   cold build         consumer bin/obj deleted, a fresh compiler process (no build server): worst case
#   rebuild after edit one digest's abstract changed, then `dotnet build` again (compiler server on, as a developer has
#                      it: UseSharedCompilation=true is passed because this sandbox's environment sets it to false),
#                      ${REBUILDS:-7} times from a fresh server; steady state = median of the last three
#   start-up           fresh process per run, median of ${RUNS:-5}: enumerate every paper vs parse the Markdown at run time;
#                      the first lookup of a paper by arXiv ID and of an author's papers (typed indexes)
# LOOKUPS_ONLY=1: build the 3,000-digest consumer once and measure start-up only (no rebuild rounds, no small app).
# usage: bench/scale/run.sh [COUNT]    (work dir: ${SCALE_DIR:-/tmp/digestkit-scale})
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-3000}"
work="${SCALE_DIR:-/tmp/digestkit-scale}"
rm -rf "$work"; mkdir -p "$work"
python3 "$repo/bench/scale/make_corpus.py" "$work/content" "$count" "$repo/tests/Data/corpus-sample"
mkdir -p "$work/one"; cp "$(ls "$work/content"/*.md | head -1)" "$work/one/"
for app in big small; do
  mkdir -p "$work/$app"; cp "$repo/bench/scale/Consumer/"* "$work/$app/"
done
common=(-c Release -nologo -v:q -p:DigestKitRepo="$repo" -p:TreatWarningsAsErrors=false ${DIGESTKIT_BENCH_ARGS:-})
big=("${common[@]}" -p:DigestKitContent="$work/content/*.md")
small=("${common[@]}" -p:DigestKitContent="$work/one/*.md")
dotnet build "$repo/src/DigestKit.Analyzers" -c Release -nologo -v:q >/dev/null
dotnet build "$repo/src/DigestKit.Tasks" -c Release -nologo -v:q >/dev/null
dotnet build "$repo/src/DigestKit" -c Release -nologo -v:q >/dev/null
dotnet restore "$work/big" -p:DigestKitRepo="$repo" -v:q >/dev/null
dotnet restore "$work/small" -p:DigestKitRepo="$repo" -v:q >/dev/null

seconds() { local s; s=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo "$(date +%s.%N) - $s" | bc; }
edit() { # change one digest's first abstract sentence, as an author would
  local f; f=$(ls "$1"/*.md | sed -n "${2}p"); python3 - "$f" "$3" <<'PY'
import sys, re
p, n = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(\n\n)([A-Z][^\n<#-][^\n]{40,})", lambda m: m.group(1) + "Edit " + n + ". " + m.group(2), s, count=1)
open(p, "w", encoding="utf-8", newline="").write(s)
PY
}

# Each app starts with no compiler server, so both pay its start and warm-up (its JIT tiers up over the first
# few compilations, and the engine's verdicts are kept from the first one on): REBUILDS edit-and-build rounds,
# all printed; the steady state is the median of the last three.
rebuilds="${REBUILDS:-7}"
apps=(big small); [ -n "${LOOKUPS_ONLY:-}" ] && apps=(big)
for app in "${apps[@]}"; do
  if [ -n "${LOOKUPS_ONLY:-}" ]; then
    dotnet build "$work/big" --no-restore "${big[@]}" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
    continue
  fi
  if [ "$app" = big ]; then args=("${big[@]}"); content="$work/content"; else args=("${small[@]}"); content="$work/one"; fi
  dotnet build-server shutdown >/dev/null 2>&1 || true
  cold=$(seconds dotnet build "$work/$app" --no-restore "${args[@]}" -p:UseSharedCompilation=false)
  warm=$(seconds dotnet build "$work/$app" --no-restore "${args[@]}" -p:UseSharedCompilation=true)   # compiles nothing
  times=()
  for i in $(seq "$rebuilds"); do
    edit "$content" 1 "$i"; times+=("$(seconds dotnet build "$work/$app" --no-restore "${args[@]}" -p:UseSharedCompilation=true)")
  done
  steady=$(printf '%s\n' "${times[@]: -3}" | sort -n | sed -n 2p)
  printf '%s: cold build %.1f s; no-change build %.1f s; rebuild after editing one digest %s s; steady %.1f s\n' \
    "$app" "$cold" "$warm" "$(printf '%.1f ' "${times[@]}")" "$steady"
  echo "$steady" > "$work/steady.$app"
done
[ -z "${LOOKUPS_ONLY:-}" ] && echo "rebuild, steady state: big / small = $(echo "scale=2; $(cat "$work/steady.big") / $(cat "$work/steady.small")" | bc)x"
ls -l "$work/big/bin/Release/net10.0/Consumer.dll" | awk '{printf "big Consumer.dll: %.1f MB\n", $5/1e6}'

# Start-up: RUNS rounds, each running every mode once in a fresh process (interleaved, so a change in the machine's
# load hits every mode alike); median per mode, and the median of the per-round ratios markdig / papers.
dll="$work/big/bin/Release/net10.0/Consumer.dll"
# A paper every digest made from the same sample post carries, and an author the sample spells with accents.
paper_id=$(grep -ohm1 'arxiv.org/abs/[0-9.]*' "$work/content/$(ls "$work/content" | head -1)" | head -1 | sed 's|.*/||')
author="${LOOKUP_AUTHOR:-Petar Velickovic}"
: > "$work/startup.log"
for i in $(seq "${RUNS:-5}"); do
  modes=(papers listing full markdig engine); [ -n "${LOOKUPS_ONLY:-}" ] && modes=(papers)
  for mode in "${modes[@]}"; do
    dotnet "$dll" $mode "$work/content" | tee -a "$work/startup.log" >/dev/null
  done
  dotnet "$dll" byid "$paper_id" | tee -a "$work/startup.log" >>"$work/lookups.log"
  dotnet "$dll" byauthor "$author" | tee -a "$work/startup.log" >>"$work/lookups.log"
done
tail -2 "$work/lookups.log"
python3 - "$work/startup.log" <<'PY'
import sys, statistics, re
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\w+): ([0-9.]+) ms, (\d+) papers", line)
    runs.setdefault(m.group(1), []).append(float(m.group(2)))
for mode, times in runs.items():
    print(f"start-up {mode}: median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs)")
if "markdig" not in runs:
    sys.exit(0)
ratios = sorted(m / p for m, p in zip(runs["markdig"], runs["papers"]))
print(f"markdig / papers: median of per-round ratios {statistics.median(ratios):.1f}x (range {ratios[0]:.1f}-{ratios[-1]:.1f}x); "
      f"ratio of medians {statistics.median(runs['markdig']) / statistics.median(runs['papers']):.1f}x")
PY
