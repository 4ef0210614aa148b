#!/usr/bin/env bash
# Takes the 1280x720 screenshots of docs/screenshots in English, German and Chinese under Xvfb.
#   scripts/screenshots-1280x720.sh MODEL [BUILD_DIR]
set -euo pipefail
model=${1:?usage: $0 MODEL [BUILD_DIR]}
build=${2:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
for lang in en de zh_CN; do
  settings=$(mktemp -d)  # no saved window layout or autosave from earlier runs
  XDG_CONFIG_HOME="$settings/config" XDG_DATA_HOME="$settings/data" LANGUAGE=$lang LANG=$lang.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x720x24" "$build/bin/utad-workbench" \
      --dataset "$root/resources/samples/battery-weld" --model "$model" \
      --screenshot "$root/docs/screenshots/1280x720-$lang.png"
  rm -rf "$settings"
done
