#!/usr/bin/env bash
# Builds the tests of the given labels with sanitizers and runs them.
# Usage: scripts/test-sanitized.sh SANITIZERS [LABEL... | all]
#   scripts/test-sanitized.sh address,undefined all      (the whole suite)
#   scripts/test-sanitized.sh thread engine runner
#   scripts/test-sanitized.sh address,undefined          (configure only)
# "all" is every test except the installers' (label package: they check the
# shipped, uninstrumented package).
# The build lives in build-<sanitizers>/ (clang, -O1, line tables only:
# enough for sanitizer reports, and a much faster build; no benchmarks) and
# is reused by later calls. The GUI and its tests are built only where
# they are run: address,undefined (the thread build runs engine and runner).
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
gui=OFF
if [[ ",$sanitizers," == *,address,* ]]; then
  fuzz=ON
  gui=ON
fi
fresh=()
if [[ -f "$build/CMakeCache.txt" ]] &&
  ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$build/CMakeCache.txt"; then
  fresh=(--fresh)
fi
# Configured every time (seconds), so the options below always hold.
CC=clang CXX=clang++ cmake "${fresh[@]}" -S "$root" -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DSLUICE_SANITIZERS="$sanitizers" \
  -DSLUICE_FUZZ=$fuzz -DSLUICE_BUILD_GUI=$gui -DSLUICE_BUILD_BENCH=OFF >/dev/null
# No labels: configure only (scripts/fuzz.sh).
[[ $# -eq 0 ]] && exit 0
# Only the executables of the chosen labels: the rest would double the build.
if [[ "$*" == "all" ]]; then
  select=(-LE '^package$')
else
  labels=$(IFS='|'; echo "$*")
  select=(-L "^(${labels})\$")
fi
# Build only the executables the chosen tests run (a test folder's tests
# share one; test_targets.txt maps each test to it, tests/CMakeLists.txt);
# tests that run a script (the Python export checks) need only what those
# build.
if [[ "$*" == "all" ]]; then
  cmake --build "$build"
else
  targets=()
  while read -r name; do
    target=$(awk -v t="$name" '$1 == t { print $2 }' "$build/test_targets.txt")
    [[ -n "$target" && " ${targets[*]} " != *" $target "* ]] && targets+=("$target")
  done < <(cd "$build" && ctest -N "${select[@]}" | sed -n 's/^ *Test *#[0-9]*: //p')
  cmake --build "$build" --target "${targets[@]}"
fi
# Instrumented code runs slower (ThreadSanitizer: 5-15x), and what these
# runs look for is memory and threading errors, not speed. (TSan: 15, the
# top of its range; at 8 a cancel under two parallel tests missed by 0.2 s.
# AddressSanitizer: 6; the Eigen-heavy fits of test_engine_cancel run 8-15x
# slower under it (boosting stops 460 ms after cancel, 60 ms unsanitized),
# and at 3 the 0.6 s bound failed whenever another test ran beside it.)
export SLUICE_TIME_SCALE=6
[[ ",$sanitizers," == *,thread,* ]] && SLUICE_TIME_SCALE=15
# Leaks inside uninstrumented system libraries (fontconfig, the X and GL
# stacks the offscreen platform loads) are theirs, not ours: lsan.supp.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp"
cd "$build"
ctest --output-on-failure -j"$(nproc)" "${select[@]}"
