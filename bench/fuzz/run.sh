#!/usr/bin/env bash
# A coverage-guided fuzz campaign over the engine (with Markdig and YamlDotNet) for MINUTES minutes.
#   bench/fuzz/run.sh MINUTES [WORK]      (WORK defaults to /tmp/digestkit-fuzz; it is emptied first)
# Needs afl-fuzz (Debian: apt-get install afl++). See bench/fuzz/README.md for what it checks and what to do
# with a finding.
set -euo pipefail
minutes=${1:?usage: run.sh MINUTES [WORK]}
work=${2:-/tmp/digestkit-fuzz}
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz not found (apt-get install afl++)" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work/in"
dotnet publish "$repo/bench/fuzz/DigestKit.Fuzz" -c Release -o "$work/bin" -v quiet -nologo
dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
for dll in DigestKit.Engine.dll Markdig.dll YamlDotNet.dll; do
  "$work/tools/sharpfuzz" "$work/bin/$dll"
done

# Seeds: the two seed posts, the corpus sample, and every input kept from earlier campaigns.
cp "$repo"/tests/Data/seeds/* "$repo"/tests/Data/corpus-sample/*.md "$work/in/"
cp "$repo"/tests/Data/fuzz-corpus/* "$work/in/" 2>/dev/null || true

# -t: a real post takes milliseconds; 5 s is a hang. -m none: the runtime reserves far more virtual memory
# than AFL's default limit. AFL_NO_UI: plain status lines, so it can run in the background.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
afl-fuzz -i "$work/in" -o "$work/out" -t 5000 -m none -V $((minutes * 60)) -- dotnet "$work/bin/DigestKit.Fuzz.dll" || true

stats="$work/out/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|edges_found|total_edges|bitmap_cvg|saved_crashes|saved_hangs|slowest_exec_ms|peak_rss_mb)' "$stats"
echo "crashes: $work/out/default/crashes  hangs: $work/out/default/hangs"
echo "reproduce: dotnet run --project $repo/bench/fuzz/DigestKit.Fuzz -c Release -- FILE..."
