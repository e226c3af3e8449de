# Shared by the bench scripts (sourced, not run): the generated city of about two million events they time Civitas on,
# made once in $work and kept, and the timing of a whole command.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-$(mktemp -d -t civitas-bench.XXXXXX)}"
mkdir -p "$work"
civitas="$root/civitas"

"$civitas" --version >/dev/null   # builds the jar first if need be
if [[ ! -f "$work/city.ndjson" || ! -f "$work/city-sources.yaml" ]]; then
  echo "generating the city..." >&2
  "$civitas" generate --people 10400 --days 36 --seed 1 --output "$work/city.ndjson" \
    --write-sources "$work/city-sources.yaml" --write-rules "$work/city-rules"
fi

# Seconds a command takes, as a decimal.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

# The median of the numbers on standard input, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
