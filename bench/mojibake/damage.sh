#!/usr/bin/env bash
# Damaged copies of the real posts through the repairer (see Damage/Program.cs).
# Usage: bench/mojibake/damage.sh [files...]   (default: tests/Data/corpus-sample/*.md and the clean seed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ "$#" -eq 0 ]; then set -- "$root"/tests/Data/corpus-sample/*.md "$root"/tests/Data/seeds/000_*; fi
dotnet run -c Release --project "$here/Damage/Damage.csproj" -- "$@"
