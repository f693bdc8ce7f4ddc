#!/usr/bin/env bash
# Configures the build tree in build/ (Ninja, ccache when present) once; later
# calls reuse it. Usage: scripts/configure.sh [extra cmake args]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${SLUICE_BUILD_DIR:-$root/build}"
if [[ ! -f "$build/build.ninja" ]]; then
  # RelWithDebInfo with line tables only (-g1): backtraces and sanitizer
  # reports keep function names and lines, and the build is a fifth faster
  # than with full debug information. For variables in a debugger,
  # configure another folder with -DCMAKE_BUILD_TYPE=Debug.
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
fi
echo "$build"
