#!/usr/bin/env bash
# Mojibake scan throughput on the real posts next to ftfy's, per line, on the same text.
# Usage: bench/mojibake/throughput.sh [files...]   (default: tests/Data/corpus-sample/*.md and tests/Data/seeds/*)
# ftfy must be importable: Debian's python3-ftfy, or its .deb unpacked (dpkg -x) with PYTHONPATH set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ "$#" -eq 0 ]; then set -- "$root"/tests/Data/corpus-sample/*.md "$root"/tests/Data/seeds/*; fi
dotnet run -c Release --project "$here/Throughput/Throughput.csproj" -- "$@"
python3 "$here/ftfy_throughput.py" "$@"
