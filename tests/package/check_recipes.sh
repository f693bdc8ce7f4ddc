#!/usr/bin/env bash
# Checks the Windows and macOS packaging recipes as far as Linux can:
#  1. the CPack settings for NSIS and DragNDrop in CPackConfig.cmake;
#  2. the NSIS script: cpack -G NSIS on a two-file stand-in tree, so makensis
#     compiles the real generated script with our Start-menu, uninstaller and
#     file-association commands (the payload is not a Windows build);
#  3. the app bundle's Info.plist, configured from installer/macos/Info.plist.in:
#     well-formed, declaring the .sluice document type, UTI and MIME type.
# Usage: check_recipes.sh BUILD_DIR CPACK WORK_DIR CHECK_CPACK_CONFIG.cmake CMAKE
# Exit 0 pass, 1 fail, 77 skip (xmllint missing).
set -uo pipefail
build=$1 cpack=$2 work=$3 config_check=$4 cmake=$5

fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "SKIP: xmllint missing (scripts/setup-debian.sh installs it)"; exit 77; }
rm -rf "$work"
mkdir -p "$work"

echo "--- CPack settings"
"$cmake" -DCONFIG="$build/CPackConfig.cmake" -P "$config_check" || fail "CPack settings"

echo "--- NSIS script"
if command -v makensis >/dev/null; then
  stage="$work/stage"
  mkdir -p "$stage/bin" "$stage/share/sluice/examples"
  echo "stand-in" >"$stage/bin/sluice.exe"
  echo "{}" >"$stage/share/sluice/examples/iris.sluice"
  # CPACK_INSTALLED_DIRECTORIES replaces the build's install step, so this
  # neither copies nor strips the Linux binaries.
  (cd "$build" && "$cpack" -G NSIS -B "$work/nsis" --config CPackConfig.cmake \
      -D CPACK_INSTALL_CMAKE_PROJECTS= -D "CPACK_INSTALLED_DIRECTORIES=$stage;." \
      -D CPACK_STRIP_FILES=OFF) >"$work/nsis.log" 2>&1 ||
    { cat "$work/nsis.log"; find "$work/nsis" -name 'NSISOutput.log' -exec tail -n 30 {} \;; fail "cpack -G NSIS"; }
  script=$(find "$work/nsis" -name project.nsi | head -n 1)
  for want in 'Software\Classes\.sluice' 'shell\open\command' 'DeleteRegKey SHCTX "Software\Classes\Sluice.Pipeline"' \
              'WriteUninstaller' 'CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\Sluice.lnk"'; do
    grep -qF "$want" "$script" || fail "NSIS script lacks: $want"
  done
  ls "$work"/nsis/*.exe
else
  echo "note: makensis missing (Debian package nsis): NSIS script not compiled"
fi

echo "--- Info.plist"
plist="$build/installer/macos/Info.plist"
[[ -f $plist ]] || fail "$plist was not configured"
xmllint --noout "$plist" || fail "Info.plist is not well-formed XML"
# Walk the plist's key/value pairs with XPath rather than grep, so a value
# under the wrong key does not pass.
q() { xmllint --xpath "$1" "$plist" 2>/dev/null; }
doc='/plist/dict/key[.="CFBundleDocumentTypes"]/following-sibling::array[1]/dict'
uti='/plist/dict/key[.="UTExportedTypeDeclarations"]/following-sibling::array[1]/dict'
after() { echo "key[.=\"$1\"]/following-sibling::*[1]"; }
[[ $(q "string($doc/$(after LSItemContentTypes)/string)") == org.sluice.pipeline ]] ||
  fail "document type does not name org.sluice.pipeline"
[[ $(q "string($doc/$(after CFBundleTypeExtensions)/string)") == sluice ]] ||
  fail "document type lacks the .sluice extension"
[[ $(q "string($doc/$(after CFBundleTypeMIMETypes)/string)") == application/x-sluice ]] ||
  fail "document type lacks application/x-sluice"
[[ $(q "string($doc/$(after CFBundleTypeRole))") == Editor ]] || fail "document role is not Editor"
[[ $(q "string($uti/$(after UTTypeIdentifier))") == org.sluice.pipeline ]] ||
  fail "no exported UTI org.sluice.pipeline"
[[ $(q "string($uti/$(after UTTypeConformsTo)/string)") == public.json ]] ||
  fail "org.sluice.pipeline does not conform to public.json"
spec="$uti/$(after UTTypeTagSpecification)"
[[ $(q "string($spec/$(after public.filename-extension)/string)") == sluice ]] ||
  fail "UTI lacks the .sluice extension"
[[ $(q "string($spec/$(after public.mime-type)/string)") == application/x-sluice ]] ||
  fail "UTI lacks application/x-sluice"
[[ $(q "string(/plist/dict/$(after CFBundleIconFile))") == sluice.icns ]] || fail "no bundle icon"
[[ $(q "string(/plist/dict/$(after CFBundleIdentifier))") == org.sluice.Sluice ]] ||
  fail "bundle identifier is not org.sluice.Sluice"
if grep -q '\${' "$plist"; then fail "Info.plist has unexpanded variables"; fi
echo "Info.plist: well-formed, .sluice document type, UTI and MIME type declared"
echo "--- passed"
