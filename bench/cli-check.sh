#!/usr/bin/env bash
# Times `digestkit check` over the corpus sample replicated to 3,000 files (~84 MB), start-up included.
# Goal (issue 5): <= 2 s on 2 cores. Usage: bench/cli-check.sh [--no-build] [--runs N] [--copies N] [-- extra check args]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${DIGESTKIT_CORPUS:-$root/../shared/corpus-sample}"
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

dll="$root/src/DigestKit.Cli/bin/Release/net10.0/digestkit.dll"
if [ "$build" = 1 ]; then
  dotnet build "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -nologo -v q >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/digestkit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < copies; i++)); do
  d="$work/copy$(printf %03d "$i")"
  mkdir -p "$d"
  cp "$corpus"/*.md "$d"/
done
chmod -R u+w "$work"
files=$(find "$work" -name '*.md' | wc -l)
bytes=$(du -sb "$work" | cut -f1)
echo "corpus: $files files, $((bytes / 1000000)) MB in $work; $(nproc) cores"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# Warm the page cache and the runtime's disk caches once; the timed runs are what a second build sees.
dotnet "$dll" check "$work" "${extra[@]}" >/dev/null 2>&1 || true

t0=$(now); dotnet "$dll" --version >/dev/null; t1=$(now)
echo "start-up (digestkit --version): $(ms "$t0" "$t1") ms"

times=()
for ((r = 1; r <= runs; r++)); do
  t0=$(now)
  set +e
  dotnet "$dll" check "$work" "${extra[@]}" >"$work/out.txt" 2>&1
  rc=$?
  set -e
  t1=$(now)
  times+=("$(ms "$t0" "$t1")")
  echo "run $r: $(ms "$t0" "$t1") ms (exit $rc; $(tail -n 1 "$work/out.txt"))"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "digestkit check over $files files: median ${sorted[$((runs / 2))]} ms, best ${sorted[0]} ms (goal 2000 ms)"
