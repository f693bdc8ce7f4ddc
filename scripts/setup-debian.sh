#!/usr/bin/env bash
# Installs what building and testing Sluice needs on Debian 12 / Ubuntu 22.04+.
# Does nothing when everything is already there, so the quick-start commands
# can call it every time. Uses sudo when not run as root.
#
# Installs with --no-install-recommends, so every package a find_package()
# needs must be named here, including the ones a Qt module's CMake files
# depend on (Qt6Charts needs Qt6OpenGL). scripts/check-fresh-setup.sh proves
# the list in a fresh Debian root, where nothing else can hide a gap: run it
# after adding a dependency.
#
# An entry "a|b" is satisfied by either package: the first one installed, or
# else the first one the archive has (Debian and Ubuntu name some differently).
# CLANGV stands for the version of the distribution's default clang.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  # Qt: Widgets, Charts (whose CMake config requires OpenGL), Svg, Test.
  qt6-base-dev "qt6-charts-dev|libqt6charts6-dev" "qt6-svg-dev|libqt6svg6-dev"
  libqt6opengl6-dev libgl-dev
  libeigen3-dev nlohmann-json3-dev
  xvfb xauth
  # Building and checking the packages (ctest label "package"): cpack's DEB
  # generator, lintian, the desktop-entry / MIME / AppStream validators,
  # xwininfo to find the installed app's window, makensis for the NSIS script.
  dpkg-dev fakeroot lintian file desktop-file-utils libxml2-utils appstream
  x11-utils nsis
  # The sanitizer build and the libFuzzer targets (scripts/test-sanitized.sh,
  # scripts/fuzz.sh) are built with clang.
  clang "libclang-rt-CLANGV-dev|libclang-common-CLANGV-dev" libfuzzer-CLANGV-dev
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

# One dpkg query for all, read once: a query per package took seconds.
installed_list=$(dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null |
  sed -n 's/ install ok installed$//p')
installed() {
  grep -qx -- "$1" <<<"$installed_list"
}
# The archive has a real (not only virtual) package of this name.
available() {
  apt-cache policy "$1" 2>/dev/null | grep -q '^  Candidate: [^(]'
}

# The default clang's version: from the installed clang, else from the
# archive's (known only after apt-get update, so resolved lazily).
clang_version() {
  local v
  v=$(dpkg-query -W -f='${Depends}' clang 2>/dev/null | grep -o 'clang-[0-9]*' | head -1)
  [[ -z "$v" ]] && v=$(apt-cache depends clang 2>/dev/null | grep -o 'clang-[0-9]*' | head -1)
  echo "${v#clang-}"
}

# The entries not yet satisfied, as written above (CLANGV unresolved).
missing=()
clangv=$(clang_version)
for entry in "${packages[@]}"; do
  IFS='|' read -ra alternatives <<<"${entry//CLANGV/$clangv}"
  found=0
  for p in "${alternatives[@]}"; do
    if installed "$p"; then
      found=1
      break
    fi
  done
  [[ $found -eq 0 ]] && missing+=("$entry")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Now the archive is known: name a real package for each entry.
chosen=()
clangv=$(clang_version)
for entry in "${missing[@]}"; do
  IFS='|' read -ra alternatives <<<"${entry//CLANGV/$clangv}"
  pick=${alternatives[0]}
  for p in "${alternatives[@]}"; do
    if available "$p"; then
      pick=$p
      break
    fi
  done
  chosen+=("$pick")
done
echo "Installing: ${chosen[*]}" >&2
$sudo apt-get install -y -qq --no-install-recommends "${chosen[@]}" >/dev/null
