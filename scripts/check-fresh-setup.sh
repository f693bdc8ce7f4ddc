#!/usr/bin/env bash
# Proves that the Quick start works on a fresh Debian machine, which the
# developer's and CI's own machines cannot: packages installed there by hand
# hide a gap in scripts/setup-debian.sh (issue 11: Qt6Charts needs
# libqt6opengl6-dev, and CI stayed green because the machine had it).
#
# Makes a minimal Debian root with debootstrap (from this machine's own apt
# sources, same release), copies this checkout in, and there runs what a new
# user runs: scripts/setup-debian.sh, scripts/configure.sh (the project's
# real find_package calls), then builds and runs test_toolchain, a small
# target linking every third-party library the project uses
# (tests/setup/). The whole suite is not built here: .ci/run's main step does.
#
# Needs root (chroot, mounts). Exits non-zero, naming the step, on failure.
# Env: SLUICE_FRESH_KEEP=1 keeps the root for a look (path printed).
#
# For speed, and without weakening the check: the untouched debootstrap root
# is kept as a tarball in /var/cache/sluice/ (it holds Debian's base system
# only), and the host's apt archive folder is shared with the root, so
# packages already downloaded are not downloaded again. They are still
# installed only if setup-debian.sh asks for them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
start=$SECONDS
say() { echo "check-fresh-setup: $* ($((SECONDS - start)) s)" >&2; }
fail() {
  echo "check-fresh-setup: FAILED: $*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || fail "needs root (debootstrap, chroot and mounts); run it with sudo"
command -v debootstrap >/dev/null || {
  say "installing debootstrap on this machine (a host tool, not a project dependency)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

# This machine's release and Debian mirror.
. /etc/os-release
suite=${SLUICE_FRESH_SUITE:-${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}}
# The first active deb source: "URIs: ..." (deb822) or "deb [opts] URI ...".
mirror=${SLUICE_FRESH_MIRROR:-$( (cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
  /etc/apt/sources.list.d/*.sources 2>/dev/null || true) |
  sed -nE 's/^URIs:[[:space:]]*([^[:space:]]+).*/\1/p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' |
  grep -v -- '-security' | head -1)}
[[ -n "$mirror" ]] || fail "no apt mirror found in /etc/apt/sources.list*"

cache=/var/cache/sluice
base="$cache/fresh-root-$suite-minbase.tar"
chroot_dir=$(mktemp -d /var/tmp/sluice-fresh-root.XXXXXX)
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -l "${mounted[$i]}" 2>/dev/null || true
  done
  if [[ "${SLUICE_FRESH_KEEP:-0}" == 1 ]]; then
    echo "check-fresh-setup: root kept in $chroot_dir" >&2
  else
    rm -rf --one-file-system "$chroot_dir"
  fi
}
trap cleanup EXIT

if [[ -f "$base" ]]; then
  tar -C "$chroot_dir" -xf "$base"
  say "base $suite root unpacked from $base"
else
  say "debootstrap $suite from $mirror"
  debootstrap --variant=minbase "$suite" "$chroot_dir" "$mirror" >"$chroot_dir.log" 2>&1 ||
    { tail -20 "$chroot_dir.log" >&2; fail "debootstrap (log: $chroot_dir.log)"; }
  rm -f "$chroot_dir.log"
  mkdir -p "$cache"
  tar -C "$chroot_dir" -cf "$base.partial" . && mv "$base.partial" "$base"
  say "base root made and kept in $base"
fi

# The same Debian apt sources as this machine (updates and security too;
# other vendors' lists need keys the base root lacks). debootstrap's own
# sources.list names the main suite only.
for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  if [[ -f "$f" ]] && grep -q 'debian\.org' "$f"; then
    rm -f "$chroot_dir/etc/apt/sources.list"
    cp "$f" "$chroot_dir/etc/apt/sources.list.d/"
  fi
done
[[ -f /etc/apt/sources.list ]] && cp /etc/apt/sources.list "$chroot_dir/etc/apt/"
# A throwaway root: dpkg need not sync every file to disk (minutes saved),
# and apt may download as root (the shared archive folder is root's).
echo force-unsafe-io >"$chroot_dir/etc/dpkg/dpkg.cfg.d/sluice-unsafe-io"
echo 'APT::Sandbox::User "root";' >"$chroot_dir/etc/apt/apt.conf.d/99sluice-sandbox"

bind() {  # bind SOURCE TARGET-INSIDE-ROOT
  mkdir -p "$chroot_dir$2"
  mount --bind "$1" "$chroot_dir$2"
  mounted+=("$chroot_dir$2")
}
mount -t proc proc "$chroot_dir/proc" && mounted+=("$chroot_dir/proc")
bind /dev /dev
bind /dev/pts /dev/pts
bind /var/cache/apt/archives /var/cache/apt/archives
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true

# The checkout as a clone would have it (tracked files, plus new files not
# yet committed so a change can be checked before it is), no build folders.
mkdir -p "$chroot_dir/src/sluice"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  tar -C "$root" --null --ignore-failed-read -T - -cf - 2>/dev/null |
  tar -C "$chroot_dir/src/sluice" -xf -
say "checkout copied in"

# What a new user types, as root in a root with nothing but the base system.
in_root() {
  chroot "$chroot_dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -euo pipefail -c "cd /src/sluice && $1"
}
in_root "./scripts/setup-debian.sh" || fail "scripts/setup-debian.sh"
say "setup-debian.sh installed the packages"
in_root "./scripts/configure.sh >/dev/null" || fail "scripts/configure.sh (find_package: a package missing from scripts/setup-debian.sh?)"
say "configured"
in_root "cmake --build build --target test_toolchain" >"$chroot_dir/build.log" 2>&1 ||
  { tail -30 "$chroot_dir/build.log" >&2
    fail "building test_toolchain (a header or library missing from scripts/setup-debian.sh?)"; }
say "test_toolchain built"
in_root "cd build && ctest -R '^test_toolchain\$' --output-on-failure" >&2 ||
  fail "running test_toolchain"
say "passed: setup, configure, build and run in a fresh $suite root"
