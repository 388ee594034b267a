#!/usr/bin/env bash
# Damaged copies of the real posts through the repairer (see Damage/Program.cs).
# Usage: bench/mojibake/damage.sh [files...]   (default: ../shared/corpus-sample/*.md and the clean seed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ "$#" -eq 0 ]; then set -- "$root"/../shared/corpus-sample/*.md "$root"/../shared/seeds/000_*; fi
dotnet run -c Release --project "$here/Damage/Damage.csproj" -- "$@"
