#!/usr/bin/env bash
# Quick-start command 1: installs what is missing, builds the app and opens it.
# Any arguments are passed to sluice (for example a pipeline file).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
build=$("$root/scripts/configure.sh")
cmake --build "$build" --target sluice
exec "$build/app/sluice" "$@"
