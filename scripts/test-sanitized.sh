#!/usr/bin/env bash
# Builds the tests of the given labels with sanitizers and runs them.
# Usage: scripts/test-sanitized.sh SANITIZERS LABEL...
#   scripts/test-sanitized.sh address,undefined engine runner
#   scripts/test-sanitized.sh address,undefined    (configure only)
# The build lives in build-<sanitizers>/ (no GUI, no benchmarks, -O1, line
# tables only: enough for sanitizer reports, and a much faster build) and is
# reused by later calls. Timing bounds in tests are scaled by
# SLUICE_TIME_SCALE (3 here): instrumented code runs slower, and what these
# runs look for is memory and threading errors, not speed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitizers=$1
shift
build="$root/build-${sanitizers//,/-}"
"$root/scripts/setup-debian.sh"
# Built with clang: its sanitizers are the reference ones, and the
# address,undefined build also holds the libFuzzer targets (SLUICE_FUZZ,
# scripts/fuzz.sh), so one instrumented build serves both. A build folder
# configured earlier with another compiler is configured afresh (in place).
fuzz=OFF
[[ ",$sanitizers," == *,address,* ]] && fuzz=ON
fresh=()
if [[ -f "$build/CMakeCache.txt" ]] &&
  ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$build/CMakeCache.txt"; then
  fresh=(--fresh)
fi
if [[ ! -f "$build/build.ninja" || ${#fresh[@]} -gt 0 ]]; then
  CC=clang CXX=clang++ cmake "${fresh[@]}" -S "$root" -B "$build" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DSLUICE_SANITIZERS="$sanitizers" \
    -DSLUICE_FUZZ=$fuzz -DSLUICE_BUILD_GUI=OFF -DSLUICE_BUILD_BENCH=OFF >/dev/null
fi
# No labels: configure only (scripts/fuzz.sh).
[[ $# -eq 0 ]] && exit 0
# Only the executables of the chosen labels: the rest would double the build.
targets=()
for label in "$@"; do
  while read -r name; do targets+=("$name"); done < <(
    cd "$build" && ctest -N -L "^${label}\$" | sed -n 's/^ *Test *#[0-9]*: //p')
done
cmake --build "$build" --target "${targets[@]}"
# Instrumented code runs slower (ThreadSanitizer: 5-15x), and what these
# runs look for is memory and threading errors, not speed.
export SLUICE_TIME_SCALE=3
[[ ",$sanitizers," == *,thread,* ]] && SLUICE_TIME_SCALE=8
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp"
cd "$build"
labels=$(IFS='|'; echo "$*")
ctest --output-on-failure -L "^(${labels})\$"
