#!/usr/bin/env bash
# Restores, builds and runs every test in Validator.sln, then prints one plain summary line
# "N passed, N failed" (summed over every test assembly's TRX report). Exit code: dotnet test's.
set -uo pipefail
cd "$(dirname "$0")"
results="${TEST_RESULTS_DIR:-$(mktemp -d)}"
rm -f "$results"/*.trx 2>/dev/null
dotnet test Validator.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failing test (build error, crashed test host): count it as a failure.
  failed=1
fi
echo
[ "$skipped" -gt 0 ] && echo "$skipped skipped"
echo "$passed passed, $failed failed"
exit "$status"
