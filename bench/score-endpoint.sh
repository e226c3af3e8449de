#!/usr/bin/env bash
# Loads GET /api/v1/me/score of the demo city with wrk on loopback, and beside it, in the same run, a bare Javalin
# endpoint that returns the same JSON bytes and does nothing else. Reports both throughputs, their ratio, and the
# latency percentiles of the score endpoint at half its own throughput.
#
#   bench/score-endpoint.sh                # needs wrk (Debian package wrk)
#   DURATION=30 CONNECTIONS=32 bench/score-endpoint.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"
work="$(mktemp -d -t civitas-score-bench.XXXXXX)"
demo_port=18080
bare_port=18081
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

cd "$root"
mvn -q -B -Dmaven.test.skip=true -pl civitas-bench -am package >&2
"$root/civitas" --version >/dev/null

"$root/civitas" demo --port "$demo_port" --data "$work/demo" > "$work/demo.log" 2>&1 &
demo_pid=$!
bare_pid=""
cleanup() { kill "$demo_pid" ${bare_pid:+"$bare_pid"} 2>/dev/null || true; }
trap cleanup EXIT

until grep -q "Civitas is running" "$work/demo.log"; do
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; exit 1; }
  sleep 0.5
done
read -r username password < <(python3 -c "
import json, sys
c = json.load(open('$work/demo/demo-accounts.json'))['citizens'][0]
print(c['username'], c['password'])")
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" "http://127.0.0.1:$demo_port/api/v1/session" \
  | sed -n 's/^Set-Cookie: \(civitas_session=[^;]*\).*/\1/p')
curl -s -H "Cookie: $cookie" "http://127.0.0.1:$demo_port/api/v1/me/score" > "$work/score.json"
java -XX:+UseParallelGC -cp civitas-bench/target/benchmarks.jar org.civitas.bench.BareEndpoint "$bare_port" \
  "$work/score.json" > "$work/bare.log" 2>&1 &
bare_pid=$!
until grep -q "bare endpoint" "$work/bare.log"; do sleep 0.2; done

rate() { awk '/Requests\/sec/ { print $2 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
score_run() { wrk -t2 -c"$connections" -d"$1" -H "Cookie: $cookie" "http://127.0.0.1:$demo_port/api/v1/me/score"; }
bare_run() { wrk -t2 -c"$connections" -d"$1" "http://127.0.0.1:$bare_port/score"; }
# Warm both up until the JIT has settled, then measure them in turn, three rounds each; quote the medians.
score_run 20s >/dev/null
bare_run 20s >/dev/null
score_rates=()
bare_rates=()
for round in 1 2 3; do
  score_rates+=("$(score_run "${duration}s" | rate)")
  bare_rates+=("$(bare_run "${duration}s" | rate)")
done
score_rps=$(printf '%s\n' "${score_rates[@]}" | median)
bare_rps=$(printf '%s\n' "${bare_rates[@]}" | median)

# Half the score endpoint's own throughput, paced: every connection waits 10 ms between its requests (wrk counts whole
# milliseconds), with as many connections as the target needs. A first run shows how far latency pulls the rate
# below the target; the second adds connections to make up for it.
target=$(awk -v r="$score_rps" 'BEGIN { printf "%d", r / 2 }')
printf 'function delay() return 10 end\n' > "$work/pace.lua"
paced_run() {
  wrk -t2 -c"$1" -d"${duration}s" --latency -s "$work/pace.lua" -H "Cookie: $cookie" \
    "http://127.0.0.1:$demo_port/api/v1/me/score"
}
paced_connections=$(awk -v t="$target" 'BEGIN { printf "%d", t * 10 / 1000 + 1 }')
achieved=$(paced_run "$paced_connections" | rate)
paced_connections=$(awk -v c="$paced_connections" -v t="$target" -v a="$achieved" 'BEGIN { printf "%d", c * t / a + 1 }')
paced=$(paced_run "$paced_connections")

echo
echo "GET /api/v1/me/score: $(wc -c < "$work/score.json") bytes of JSON; wrk, $connections connections,"\
  "medians of three ${duration} s rounds each, after 20 s of warm-up"
echo "rounds: score ${score_rates[*]}; bare ${bare_rates[*]}"
printf "score endpoint   %10.0f requests/s\n" "$score_rps"
printf "bare endpoint    %10.0f requests/s (same bytes, no work)\n" "$bare_rps"
awk -v a="$score_rps" -v b="$bare_rps" 'BEGIN { printf "ratio            %10.2f of the bare endpoint\n", a / b }'
echo "at about $target requests/s (half its own throughput), paced over $paced_connections connections:"
echo "$paced" | awk '/Requests\/sec/ { print "  achieved " $2 " requests/s" } / (50|90|99)%/ { print "  p" $1 " " $2 }'
