#!/usr/bin/env bash
# Quick-start command 2: installs what is missing, builds everything and runs
# the whole test suite through ctest. The last line printed is ctest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
build=$("$root/scripts/configure.sh")
cmake --build "$build"
cd "$build"
ctest --output-on-failure -j"$(nproc)" "$@"
