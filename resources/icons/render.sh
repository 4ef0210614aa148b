#!/usr/bin/env bash
# Renders the application icon's PNG sizes from utad-workbench.svg (needs rsvg-convert from
# librsvg2-bin). Run it after editing the SVG and commit the PNGs; the build does not need it.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" utad-workbench.svg -o "utad-workbench-$size.png"
done
