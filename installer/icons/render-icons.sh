#!/usr/bin/env bash
# Renders the raster icons that ship with the installers from the one source,
# resources/icons/sluice.svg. Run it after changing the SVG and commit the
# results (see installer/icons/README.md for why they are committed):
#   hicolor/<N>x<N>/sluice.png  freedesktop icon theme sizes (Linux packages)
#   ../windows/sluice.ico       exe and installer icon (16..256)
#   ../macos/sluice.icns        app bundle icon (16..512)
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/../../resources/icons/sluice.svg"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" -f png -o "$tmp/$size.png" "$svg"
done
for size in 16 22 24 32 48 64 128 256; do
  mkdir -p "$here/hicolor/${size}x${size}"
  cp "$tmp/$size.png" "$here/hicolor/${size}x${size}/sluice.png"
done
# 256 is stored PNG-compressed (-r), as Windows Vista and later expect.
icotool -c -o "$here/../windows/sluice.ico" \
  "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
  -r "$tmp/256.png"
png2icns "$here/../macos/sluice.icns" \
  "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png" >/dev/null
echo "render-icons: wrote hicolor PNGs, sluice.ico and sluice.icns"
