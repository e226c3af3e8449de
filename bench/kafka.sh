#!/usr/bin/env bash
# Times the Kafka runtime end to end, events sent into its intake until each is on the ledger, with 1, 2 and 4
# partitions and as many instances, beside its peer on the same in-process broker in the same run: a bare Kafka Streams
# topology that only counts each person's events (exactly once, as the runtime runs). The city is smaller than the
# other scripts' (about 320 thousand events), so that every run of every setting fits in minutes on one machine.
#
#   bench/kafka.sh                   # five runs of each: minimum, median and maximum
#   RUNS=3 WORK=/tmp/bench bench/kafka.sh
set -euo pipefail

runs="${RUNS:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-$(mktemp -d -t civitas-bench.XXXXXX)}"
mkdir -p "$work"
jar="$root/civitas-bench/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -q -B -DskipTests package)
fi
if [[ ! -f "$work/kafka-city.ndjson" ]]; then
  echo "generating the city..." >&2
  "$root/civitas" generate --people 2000 --days 30 --seed 1 --output "$work/kafka-city.ndjson" \
    --write-sources "$work/kafka-city-sources.yaml" --write-rules "$work/kafka-city-rules"
fi
rm -rf "$work/kafka"
java -XX:+UseParallelGC -cp "$jar" org.civitas.bench.KafkaThroughput "$work/kafka-city.ndjson" \
  "$work/kafka-city-rules" "$runs" "$work/kafka"
echo "work directory: $work"
