#!/usr/bin/env bash
# Benchmark of `digestkit lsp` on a workspace of COUNT digests (default 3,000) made from tests/Data/corpus-sample
# as bench/scale does (dates shifted, so every digest is valid and slugs are unique). Prints the time to index
# the workspace, the diagnostics latency after a one-character change, the cross-file update latency, and the
# server's peak RSS. Goals (issue 11): index <= 2 s, edit <= 20 ms, cross-file <= 100 ms, memory <= 300 MB.
# usage: bench/lsp/run.sh [COUNT] [ROUNDS]   (work dir $LSP_BENCH_DIR, default /tmp/digestkit-lsp-bench)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-3000}"
rounds="${2:-20}"
work="${LSP_BENCH_DIR:-/tmp/digestkit-lsp-bench}"
dotnet build "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -nologo -v q >/dev/null
rm -rf "$work/workspace"
python3 "$root/bench/scale/make_corpus.py" "$work/workspace" "$count" "$root/tests/Data/corpus-sample" >/dev/null
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/bench/lsp/lsp_bench.py" "$root/src/DigestKit.Cli/bin/Release/net10.0/digestkit.dll" "$work/workspace" "$rounds"
