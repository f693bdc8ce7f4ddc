#!/usr/bin/env bash
# Builds the .deb from a finished build tree, lints it, unpacks it into a
# scratch root and checks that what was installed works there.
# Usage: check_deb.sh BUILD_DIR CPACK WORK_DIR
# Exit 0 pass, 1 fail, 77 skip (a tool the check cannot do without is missing).
set -uo pipefail
build=$1 cpack=$2 work=$3
start=$SECONDS

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $* ($((SECONDS - start)) s)"; }

missing=()
for tool in dpkg-deb dpkg-shlibdeps lintian xmllint; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "SKIP: missing ${missing[*]} (scripts/setup-debian.sh installs them)"
  exit 77
fi
# Validators whose absence leaves one check undone rather than the test.
have() { command -v "$1" >/dev/null || { echo "note: $1 missing, $2 not checked"; return 1; }; }

rm -rf "$work"
mkdir -p "$work"

step "cpack -G DEB"
# -B keeps the package and CPack's staging tree out of the build's own
# package directory. cpack's install step builds nothing on a finished build.
(cd "$build" && "$cpack" -G DEB -B "$work/out" --config CPackConfig.cmake) \
  >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/out/sluice_*.deb)
deb=${debs[0]}
[[ -f $deb ]] || { cat "$work/cpack.log"; fail "cpack wrote no sluice_*.deb"; }
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

step "control fields"
dpkg-deb -f "$deb" Package Version Architecture Maintainer Section Homepage Depends
for field in Maintainer Section Homepage Description; do
  [[ -n $(dpkg-deb -f "$deb" "$field") ]] || fail "control field $field is empty"
done
# dpkg-shlibdeps found the Qt and C++ libraries the binaries link.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6widgets6 libstdc++6 libc6 libqt6svg6; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '^\./usr/' | grep -v '^\./$' || true)
[[ -z $outside ]] || fail "files outside /usr: $outside"

step "lintian"
# Errors fail the test; warnings are printed for whoever reads the log.
lintian --fail-on error --display-level '>=warning' "$deb" 2>&1 | tee "$work/lintian.log"
[[ ${PIPESTATUS[0]} -eq 0 ]] || fail "lintian reports errors"
if grep -q '^E: ' "$work/lintian.log"; then fail "lintian reports errors"; fi

step "dpkg -x"
root="$work/root"
dpkg -x "$deb" "$root" || fail "dpkg -x"
usr="$root/usr"
expected=(
  bin/sluice bin/sluice-run
  share/sluice/examples/iris.sluice
  share/sluice/datasets/iris.csv share/sluice/datasets/SOURCES.md
  share/applications/sluice.desktop
  share/mime/packages/sluice.xml
  share/metainfo/org.sluice.Sluice.metainfo.xml
  share/icons/hicolor/scalable/apps/sluice.svg
  share/man/man1/sluice-run.1.gz share/man/man1/sluice.1.gz
  share/doc/sluice/copyright share/doc/sluice/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("share/icons/hicolor/${size}x${size}/apps/sluice.png")
done
for file in "${expected[@]}"; do
  [[ -f $usr/$file ]] || fail "missing /usr/$file"
done
for size in 16 32 256; do
  file -b "$usr/share/icons/hicolor/${size}x${size}/apps/sluice.png" | grep -q "PNG image data, $size x $size" ||
    fail "${size}x${size}/apps/sluice.png is not a ${size}x${size} PNG"
done

step "examples find their datasets"
for example in "$usr"/share/sluice/examples/*.sluice; do
  while read -r path; do
    [[ -f "$(dirname "$example")/$path" ]] || fail "$(basename "$example") names $path, not installed"
  done < <(grep -o '"path": *"[^"]*\.csv"' "$example" | sed 's/.*"\([^"]*\)"$/\1/')
done

step "sluice-run iris.sluice"
iris="$usr/share/sluice/examples/iris.sluice"
(cd "$work" && "$usr/bin/sluice-run" "$iris" --threads 2 --json "$work/iris.json") \
  2>"$work/iris.log" || { cat "$work/iris.log"; fail "sluice-run exited with $?"; }
tail -n 1 "$work/iris.log"
nodes=$(grep -c '"id":' "$iris")
done_nodes=$(grep -c '"status": *"done"' "$work/iris.json")
grep -Eq "finished in .*: $nodes done$" <(tail -n 1 "$work/iris.log") ||
  fail "expected all $nodes nodes done"
[[ $done_nodes -eq $nodes ]] || fail "report has $done_nodes of $nodes nodes done"

step "desktop entry, MIME type, AppStream, man pages"
if have desktop-file-validate "the desktop entry"; then
  desktop-file-validate "$usr/share/applications/sluice.desktop" || fail "desktop-file-validate"
fi
grep -qx 'MimeType=application/x-sluice;' "$usr/share/applications/sluice.desktop" ||
  fail "desktop entry does not list application/x-sluice"
xmllint --noout "$usr/share/mime/packages/sluice.xml" || fail "MIME XML is not well-formed"
grep -q 'type="application/x-sluice"' "$usr/share/mime/packages/sluice.xml" &&
  grep -q 'pattern="\*\.sluice"' "$usr/share/mime/packages/sluice.xml" ||
  fail "MIME XML lacks application/x-sluice or *.sluice"
if have appstreamcli "the AppStream metainfo"; then
  appstreamcli validate --no-net "$usr/share/metainfo/org.sluice.Sluice.metainfo.xml" ||
    fail "appstreamcli validate"
fi
if have man "the man pages' roff"; then
  for page in sluice-run sluice; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man $page: $warnings"
  done
fi
zcat "$usr/share/man/man1/sluice-run.1.gz" | grep -q -- 'run\\-to' || fail "man page lacks --run-to"

step "sluice --help, --version, opening iris.sluice"
export QT_QPA_PLATFORM=offscreen
"$usr/bin/sluice" --help | grep -q 'pipeline' || fail "sluice --help"
"$usr/bin/sluice" --version | grep -qx "sluice $(dpkg-deb -f "$deb" Version)" || fail "sluice --version"
# The editor has no quit-after-load switch: it must still be running after a
# few seconds with the example open. Under X (xvfb-run) the window title shows
# the pipeline, so xwininfo proves the file was loaded.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  unset QT_QPA_PLATFORM
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    "$1" "$2" 2>"$3" & app=$!
    for _ in $(seq 40); do
      sleep 0.25
      kill -0 $app 2>/dev/null || { echo "sluice quit early" >&2; exit 1; }
      xwininfo -root -tree | grep -qi "iris.*Sluice" && break
    done
    xwininfo -root -tree | grep -i "Sluice" | head -n 3
    xwininfo -root -tree | grep -qi "iris.*Sluice" || { echo "no window titled iris ... Sluice" >&2; kill $app; exit 1; }
    kill $app; wait $app 2>/dev/null; exit 0' _ "$usr/bin/sluice" "$iris" "$work/sluice.log" ||
    { cat "$work/sluice.log"; fail "sluice did not open iris.sluice under xvfb-run"; }
else
  echo "note: xvfb-run or xwininfo missing, opening checked offscreen without the window title"
  timeout 6 "$usr/bin/sluice" "$iris" 2>"$work/sluice.log"
  [[ $? -eq 124 ]] || { cat "$work/sluice.log"; fail "sluice quit before 6 s"; }
fi

step "passed"
