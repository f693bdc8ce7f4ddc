#!/usr/bin/env bash
# Installs what building and testing Sluice needs on Debian 12 / Ubuntu 22.04+.
# Does nothing when everything is already there, so the quick-start commands
# can call it every time. Uses sudo when not run as root.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev
  libeigen3-dev nlohmann-json3-dev
  xvfb xauth
  # Building and checking the packages (ctest label "package"): cpack's DEB
  # generator, lintian, the desktop-entry / MIME / AppStream validators,
  # xwininfo to find the installed app's window, makensis for the NSIS script.
  dpkg-dev fakeroot lintian file desktop-file-utils libxml2-utils appstream
  x11-utils nsis
  # The sanitizer build and the libFuzzer targets (scripts/test-sanitized.sh,
  # scripts/fuzz.sh) are built with clang.
  clang libclang-rt-14-dev libfuzzer-14-dev
  # lld: links several times faster than GNU ld (CMakeLists.txt, SLUICE_USE_LLD).
  lld
  # The exported Python scripts are run and compared with sluice-run (ctest
  # label "export"): Debian's pandas and scikit-learn for /usr/bin/python3.
  python3-pandas python3-sklearn
)
# Extra tools for benchmarks and screenshots; asked for with --bench.
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3-numpy python3-pandas)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
