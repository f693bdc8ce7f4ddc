#!/usr/bin/env bash
# Reads the same 1M-row CSV with Sluice and with pandas.read_csv in one run and
# prints both figures and the ratio. Usage: bench/run_csv_bench.sh [FILE]
# Without FILE it generates ../shared/bench data (once) into bench-data/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh" --bench
py=/usr/bin/python3  # Debian's Python, which has python3-pandas and numpy

file="${1:-}"
if [[ -z "$file" ]]; then
  data="${SLUICE_BENCH_DATA:-$root/bench-data}"
  file="$data/clf_1000000.csv"
  if [[ ! -f "$file" ]]; then
    gen="${SLUICE_SHARED:-$root/../shared}/bench/gen_data.py"
    echo "Generating benchmark data with $gen ..." >&2
    "$py" "$gen" --out "$data" >&2
  fi
fi

build=$("$root/scripts/configure.sh")
cmake --build "$build" --target bench_csv_read >/dev/null

echo "== $(basename "$file"): $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
ours=$("$build/bench/bench_csv_read" "$file" --repeat 3)
echo "$ours" | grep -v '^RESULT'
theirs=$("$py" "$root/bench/pandas_read_csv.py" "$file" --repeat 3)
echo "$theirs" | grep -v '^RESULT'

field() { echo "$1" | grep '^RESULT' | sed -E "s/.*$2=([0-9.]+).*/\1/"; }
"$py" - "$(field "$ours" seconds)" "$(field "$theirs" seconds)" \
        "$(field "$ours" peak_mb)" "$(field "$theirs" peak_mb)" <<'PY'
import sys
s, p, sm, pm = map(float, sys.argv[1:])
print(f"speed: sluice {s:.3f} s vs pandas {p:.3f} s -> {p / s:.2f}x faster (target >= 2x)")
print(f"peak memory: sluice {sm:.0f} MB vs pandas {pm:.0f} MB (target: no higher)")
PY
