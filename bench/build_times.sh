#!/usr/bin/env bash
# Build-time figures (issue 11's targets): a clean build and the whole test
# suite as the README's test command runs them, the 15 slowest steps of that
# build, and the rebuild after an edit to one learner's .cpp and to
# nodes/results.h. Measured without ccache, so each figure is the compile
# work itself; a developer's ccache only makes repeats faster.
#
# Usage: bench/build_times.sh [BUILD_DIR]   (default: /tmp/sluice-build-times)
#   SKIP_TESTS=1     skip the test run
#   LEARNER=path     the learner source to edit (default below)
#   WIDE=path        the widely included header to edit (default nodes/results.h)
# The edits append a comment to the file and are undone afterwards (the
# build is brought back up to date, untimed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-/tmp/sluice-build-times}
learner=${LEARNER:-model/ml/linear/least_squares.cpp}
wide=${WIDE:-model/nodes/results.h}
export CCACHE_DISABLE=1

"$root/scripts/setup-debian.sh"
now() { echo "$SECONDS"; }
since() { echo $((SECONDS - $1)); }
mmss() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

rm -rf "$build"
t0=$(now)
SLUICE_BUILD_DIR="$build" "$root/scripts/configure.sh" >/dev/null
cmake --build "$build" >"$build.log" 2>&1 || { tail -30 "$build.log"; exit 1; }
clean=$(since "$t0")
steps=$(($(wc -l <"$build/.ninja_log") - 1))

tests="(skipped)"
if [[ "${SKIP_TESTS:-0}" != 1 ]]; then
  t0=$(now)
  (cd "$build" && ctest -j"$(nproc)" >"$build.tests.log" 2>&1) || true
  tests="$(since "$t0") s ($(grep -E 'tests passed|tests failed' "$build.tests.log" | tail -1))"
  tests_s=$(since "$t0")
fi

# The slowest steps of the clean build (.ninja_log: start and end in ms).
slowest=$(awk 'NR > 1 { printf "%7.1f s  %s\n", ($2 - $1) / 1000, $4 }' "$build/.ninja_log" |
  sort -rn | head -15)
compile_cpu=$(awk 'NR > 1 && $4 ~ /\.o$/ { s += ($2 - $1) / 1000 } END { printf "%.0f", s }' \
  "$build/.ninja_log")

# Rebuild after an edit: append a comment (a real change of the file's
# text), rebuild all that depends on it, then undo it.
edit_rebuild() {
  local file="$root/$1" saved
  saved=$(mktemp)
  cp -p "$file" "$saved"
  echo "// build_times.sh edit $(date +%s%N)" >>"$file"
  t0=$(now)
  cmake --build "$build" >/dev/null
  local took
  took=$(since "$t0")
  cp -p "$saved" "$file"
  touch "$file"
  rm -f "$saved"
  cmake --build "$build" >/dev/null
  echo "$took"
}
learner_s=$(edit_rebuild "$learner")
wide_s=$(edit_rebuild "$wide")

cat <<EOF
Sluice build times on $(nproc) cores, $(c++ --version | head -1), no ccache
  clean configure + build:  $(mmss "$clean") ($clean s, $steps steps, ${compile_cpu} s of compiling)
  whole test suite:         $tests
  README test command:      $(mmss $((clean + ${tests_s:-0}))) (build + tests)
  edit $learner, rebuild:   $learner_s s
  edit $wide, rebuild:      $wide_s s
Slowest steps of the clean build:
$slowest
EOF
