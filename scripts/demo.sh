#!/usr/bin/env bash
# The main job: set up, build, then open the workbench on the bundled sample. Without a display it
# runs the same pipeline headless and writes scores, metrics and the four images per test image.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
SAMPLE=resources/samples/battery-weld
MODEL=resources/models/battery-weld-cpu.utad
if [ ! -f "$MODEL" ]; then
  echo "demo: no bundled model; training one on the sample"
  build/bin/utad train --data "$SAMPLE" --out build/battery-weld-cpu.utad
  MODEL=build/battery-weld-cpu.utad
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/bin/utad-workbench --dataset "$SAMPLE" --model "$MODEL"
fi
OUT=${OUT:-build/sample-results}
mkdir -p "$OUT"
build/bin/utad eval --data "$SAMPLE" --model "$MODEL" --json "$OUT/metrics.json" --images "$OUT/images"
echo "demo: no display; results (metrics.json with every score, and the four images per test image) are in $(realpath "$OUT")"
