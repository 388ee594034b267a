#!/usr/bin/env bash
# Times `digestkit check` over the corpus sample replicated to 3,000 files (~84 MB), start-up included.
# Goal (issue 5): <= 2 s on 2 cores. Usage: bench/cli-check.sh [--no-build] [--runs N] [--copies N] [-- extra check args]
# Times two builds of the CLI: the plain build output (dotnet build -c Release, what the tests run) and the
# published one (dotnet publish -r <rid> -p:PublishReadyToRun=true: precompiled code, tiering off; what a user
# installs). Reports wall time per run, and CPU time (user + sys) which is steadier on a shared machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${DIGESTKIT_CORPUS:-$root/tests/Data/corpus-sample}"
build=1
runs=5
copies=100
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --runs) runs="$2"; shift ;;
    --copies) copies="$2"; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d "${TMPDIR:-/tmp}/digestkit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
built="$root/src/DigestKit.Cli/bin/Release/net10.0/digestkit.dll"
published="$work/publish/digestkit.dll"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
if [ "$build" = 1 ]; then
  dotnet build "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -nologo -v q >/dev/null
fi
dotnet publish "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$work/publish" -nologo -v q >/dev/null
for ((i = 0; i < copies; i++)); do
  d="$work/corpus/copy$(printf %03d "$i")"
  mkdir -p "$d"
  cp "$corpus"/*.md "$d"/
done
chmod -R u+w "$work/corpus"
files=$(find "$work/corpus" -name '*.md' | wc -l)
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $files files, $((bytes / 1000000)) MB in $work; $(nproc) cores"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

bench() {
  local label="$1" dll="$2"
  # Warm the page cache once; the timed runs are what a second build or commit hook sees.
  dotnet "$dll" check "$work/corpus" "${extra[@]}" >/dev/null 2>&1 || true
  local t0 t1
  t0=$(now); dotnet "$dll" --version >/dev/null; t1=$(now)
  echo "[$label] start-up (digestkit --version): $(ms "$t0" "$t1") ms"
  local one
  one="$(find "$work/corpus/copy000" -name '*.md' -print -quit)"
  t0=$(now); dotnet "$dll" check "$one" >/dev/null 2>&1 || true; t1=$(now)
  echo "[$label] one-file check (a commit hook's case): $(ms "$t0" "$t1") ms"
  local times=() r rc cpu
  for ((r = 1; r <= runs; r++)); do
    t0=$(now)
    set +e
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$work/time.txt" dotnet "$dll" check "$work/corpus" "${extra[@]}" >"$work/out.txt" 2>/dev/null
      rc=$?
      cpu=$(tail -n 1 "$work/time.txt")
    else
      dotnet "$dll" check "$work/corpus" "${extra[@]}" >"$work/out.txt" 2>/dev/null
      rc=$?
      cpu="0 0"
    fi
    set -e
    t1=$(now)
    times+=("$(ms "$t0" "$t1")")
    echo "[$label] run $r: $(ms "$t0" "$t1") ms wall, CPU user+sys $(echo "$cpu" | awk '{printf "%.2f", $1 + $2}') s (exit $rc; $(tail -n 1 "$work/out.txt"))"
  done
  local sorted
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "[$label] digestkit check over $files files: median ${sorted[$((runs / 2))]} ms, best ${sorted[0]} ms (goal 2000 ms); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench build "$built"
bench publish-r2r "$published"
