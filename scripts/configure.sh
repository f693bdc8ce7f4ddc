#!/usr/bin/env bash
# Configures the build tree in build/ (Ninja, ccache when present) once; later
# calls reuse it. Usage: scripts/configure.sh [extra cmake args]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${SLUICE_BUILD_DIR:-$root/build}"
if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
fi
echo "$build"
