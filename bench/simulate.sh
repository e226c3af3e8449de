#!/usr/bin/env bash
# Times `civitas simulate`, which scores a ledger under the books in force and under proposed books in one pass, on a
# generated city of about two million events, beside its peer in the same run on the same machine: two separate
# `civitas score --data` runs, one under each set of books, which give the same scores the simulation compares. It
# also times the same simulation of an empty ledger, the cost that does not grow with the ledger (starting the JVM,
# reading and compiling both sets of books), to tell the rate of the pass over the ledger apart from the whole command's.
#
#   bench/simulate.sh                # five runs of each: minimum, median and maximum
#   RUNS=7 WORK=/tmp/bench bench/simulate.sh
set -euo pipefail

runs="${RUNS:-5}"
from="2025-11-01T00:00:00Z"
at="2026-11-01T00:00:00Z"
source "$(dirname "${BASH_SOURCE[0]}")/city.sh"
if [[ ! -d "$work/simulate-data/ledger" ]]; then
  echo "ingesting the city..." >&2
  rm -rf "$work/simulate-data"
  "$civitas" ingest --sources "$work/city-sources.yaml" --data "$work/simulate-data" "$work/city.ndjson" >/dev/null
fi
# The proposal: late bills cost 3 points instead of 10.
rm -rf "$work/proposed-rules"
cp -r "$work/city-rules" "$work/proposed-rules"
sed -i 's/points: -10$/points: -3/' "$work/proposed-rules/lakeside.yaml"
if [[ ! -d "$work/empty-data/ledger" ]]; then
  : > "$work/empty.ndjson"
  "$civitas" ingest --sources "$work/city-sources.yaml" --data "$work/empty-data" "$work/empty.ndjson" >/dev/null
fi
events=$("$civitas" stats --data "$work/simulate-data" | tr -d ' \n' | sed -E 's/.*"events":([0-9]+).*/\1/')

simulate=()
fixed=()
separate=()
for ((run = 1; run <= runs; run++)); do
  simulate+=("$(seconds "$civitas" simulate --rules "$work/city-rules" --proposed "$work/proposed-rules" \
    --data "$work/simulate-data" --from "$from" --to "$at")")
  fixed+=("$(seconds "$civitas" simulate --rules "$work/city-rules" --proposed "$work/proposed-rules" \
    --data "$work/empty-data" --from "$from" --to "$at")")
  now=$(seconds "$civitas" score --rules "$work/city-rules" --data "$work/simulate-data" --at "$at")
  then=$(seconds "$civitas" score --rules "$work/proposed-rules" --data "$work/simulate-data" --at "$at")
  separate+=("$(awk -v a="$now" -v b="$then" 'BEGIN { printf "%.3f\n", a + b }')")
  echo "run $run of $runs done" >&2
done

spread() {
  sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "min %.2f s, median %.2f s, max %.2f s", v[1], m, v[NR] }'
}
s=$(printf '%s\n' "${simulate[@]}" | median)
f=$(printf '%s\n' "${fixed[@]}" | median)
p=$(printf '%s\n' "${separate[@]}" | median)
echo
echo "city: $events ledger entries; $runs runs of each; whole processes, JVM start included"
echo "simulate (both books, one pass):     $(printf '%s\n' "${simulate[@]}" | spread)"
echo "simulate, empty ledger (fixed cost): $(printf '%s\n' "${fixed[@]}" | spread)"
echo "two score --data runs, one per book: $(printf '%s\n' "${separate[@]}" | spread)"
awk -v s="$s" -v f="$f" -v p="$p" -v n="$events" 'BEGIN {
  printf "simulate: %.0f events/s for the whole command, %.0f events/s for the pass over the ledger (medians);", n / s,
    n / (s - f)
  printf " %.2fx the time of the two score runs\n", s / p }'
echo "work directory: $work"
