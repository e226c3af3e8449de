#!/usr/bin/env bash
# Times `civitas ingest` and `civitas score` on a generated city of about two million events, and beside them, in the
# same run on the same machine, two peers that do only the raw I/O: a durable copy of the same file (what any
# ingest must at least do) and a plain read of it (what any scorer of the file must at least do).
#
#   bench/ingest-score.sh            # three runs of each, medians
#   RUNS=5 WORK=/tmp/bench bench/ingest-score.sh
set -euo pipefail

runs="${RUNS:-3}"
at="2026-11-01T00:00:00Z"
source "$(dirname "${BASH_SOURCE[0]}")/city.sh"
events=$(wc -l < "$work/city.ndjson")
bytes=$(stat -c %s "$work/city.ndjson")

declare -A times
for ((run = 1; run <= runs; run++)); do
  rm -rf "$work/data" "$work/copy.ndjson"
  times[ingest]+="$(seconds "$civitas" ingest --sources "$work/city-sources.yaml" --data "$work/data" "$work/city.ndjson") "
  times[copy]+="$(seconds dd if="$work/city.ndjson" of="$work/copy.ndjson" bs=4M conv=fsync status=none) "
  times[score_data]+="$(seconds "$civitas" score --rules "$work/city-rules" --data "$work/data" --at "$at") "
  times[score_file]+="$(seconds "$civitas" score --rules "$work/city-rules" --events "$work/city.ndjson" --at "$at") "
  times[read]+="$(seconds wc -l "$work/city.ndjson") "
  echo "run $run of $runs done" >&2
done

report() {
  local name=$1 label=$2 peer=$3
  local m p
  m=$(tr ' ' '\n' <<<"${times[$name]}" | grep . | median)
  p=$(tr ' ' '\n' <<<"${times[$peer]}" | grep . | median)
  awk -v label="$label" -v m="$m" -v p="$p" -v n="$events" -v peer="$peer" \
    'BEGIN { printf "%-34s %7.2f s  %10.0f events/s   %5.2fx the %s peer (%.2f s)\n", label, m, n / m, m / p, peer, p }'
}

echo
echo "city: $events events, $((bytes / 1048576)) MiB of NDJSON; medians of $runs runs; whole processes, JVM start included"
report ingest "ingest (durable, deduplicated)" copy
report score_data "score --data (from the ledger)" read
report score_file "score --events (from the NDJSON)" read
echo "peers: copy = dd of the same file with fsync; read = wc -l of the same file"
echo "work directory: $work"
