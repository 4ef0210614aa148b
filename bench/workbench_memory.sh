#!/usr/bin/env bash
# Peak memory of the workbench scoring a dataset: GNU time's maximum resident set size of
# utad-workbench --dataset DATA --model MODEL --screenshot (it quits once scoring has finished and
# the most anomalous image is shown), offscreen, with settings and autosave in a temporary folder.
#   bench/workbench_memory.sh MODEL.utad [DATA] [WORKBENCH] [--copies N] [--threads T]
# DATA defaults to the bundled battery-weld sample, WORKBENCH to build/bin/utad-workbench. With
# --copies N the test set of DATA (images and masks) is repeated N times as symbolic links.
# --threads T sets the compute-threads preference (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/results.sh
. bench/results.sh
pos=()
COPIES=0
THREADS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --copies) COPIES=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        *) pos+=("$1"); shift ;;
    esac
done
MODEL=$(realpath "${pos[0]:?usage: bench/workbench_memory.sh MODEL.utad [DATA] [WORKBENCH] [--copies N]}")
DATA=${pos[1]:-resources/samples/battery-weld}
WORKBENCH=${pos[2]:-build/bin/utad-workbench}
work=$(mktemp -d /tmp/utad-wb-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ "$COPIES" -gt 0 ]; then
    src=$(realpath "$DATA")
    DATA=$(repeat_test_set "$src" "$COPIES" "$work/data")
fi
echo "dataset: $(find -L "$DATA/test" -type f | wc -l) images"
mkdir -p "$work/config/utad"
printf '[preferences]\nthreads=%s\n' "$THREADS" >"$work/config/utad/utad-workbench.conf"
# The autosave (scores) and the panel cache go to the temporary folder, as do the settings.
XDG_DATA_HOME=$work/share XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen \
    /usr/bin/time -v -o "$work/time.txt" "$WORKBENCH" --dataset "$DATA" --model "$MODEL" \
    --screenshot "$work/window.png" >/dev/null 2>&1
echo "panel cache: $(find "$work/share" -name '*.panels' | wc -l) files, $(du -sh "$work/share" | cut -f1)"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"
