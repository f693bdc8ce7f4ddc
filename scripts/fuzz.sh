#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) for a bounded time each and fails
# on any crash, leak, timeout, out-of-memory or sanitizer report.
# Usage: scripts/fuzz.sh [TARGET...]     (default: csv pipeline model formula)
# Env: FUZZ_SECONDS (per target, default 60), FUZZ_MAX_LEN (bytes, default 1 MB).
# The targets live in the AddressSanitizer + UndefinedBehaviorSanitizer
# build (build-address-undefined/, clang, SLUICE_FUZZ=ON; see
# scripts/test-sanitized.sh). Each run starts from a copy of the seed corpus
# and the regression inputs in a temporary folder: nothing is written into
# the repository. A failure prints the reproducer's path and the command
# that replays it; keep the folder's findings as regression fixtures in
# tests/fuzz/regressions/TARGET/ once fixed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-address-undefined"
seconds=${FUZZ_SECONDS:-60}
# Inputs up to 1 MB (libFuzzer's default follows the seeds: a few KB), so
# hostile sizes such as deep nesting are in reach (issue 24).
max_len=${FUZZ_MAX_LEN:-1048576}
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(csv pipeline model formula)

"$root/scripts/test-sanitized.sh" address,undefined  # configures only
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

work=$(mktemp -d "${TMPDIR:-/tmp}/sluice-fuzz.XXXXXX")
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/fuzz_$t"
  dir="$work/$t"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  cp -R "$root/tests/fuzz/corpus/$t/." "$root/tests/fuzz/regressions/$t/." "$dir/corpus/"
  # JSON targets get JSON's tokens as well as their own words.
  cat "$root/tests/fuzz/$t.dict" >"$dir/dict" 2>/dev/null || true
  [[ $t != csv && $t != formula ]] && cat "$root/tests/fuzz/json.dict" >>"$dir/dict"
  dict=()
  [[ -s "$dir/dict" ]] && dict=(-dict="$dir/dict")
  echo "fuzz_$t: ${seconds}s from $(find "$dir/corpus" -type f | wc -l) seed inputs" >&2
  status=0
  (cd "$dir" && "$exe" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -max_len="$max_len" -timeout=10 -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$dir/artifacts/" \
    "$dir/corpus") >"$dir/log" 2>&1 || status=$?
  # The coverage line of the last report and libFuzzer's final statistics.
  grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$dir/log" | tail -1 >&2 || true
  grep -E '^stat::' "$dir/log" >&2 || true
  artifacts=$(find "$dir/artifacts" -type f | sort)
  if [[ $status -ne 0 || -n "$artifacts" ]]; then
    failed+=("$t")
    echo "FUZZ FAILURE in fuzz_$t (exit $status); log: $dir/log" >&2
    grep -E -A30 '^==[0-9]+==ERROR|runtime error|FUZZ FINDING|ALARM|out-of-memory|terminate called' \
      "$dir/log" | head -60 >&2 || tail -40 "$dir/log" >&2
    for a in $artifacts; do
      echo "reproducer: $a" >&2
      echo "replay:     $exe $a" >&2
      echo "            (or, without libFuzzer: $root/build/tests/fuzz/fuzz_replay_$t $a)" >&2
    done
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzzing failed: ${failed[*]} (inputs kept in $work)" >&2
  exit 1
fi
rm -rf "$work"
echo "fuzzing passed: ${targets[*]}, ${seconds}s each" >&2
