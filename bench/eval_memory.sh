#!/usr/bin/env bash
# Peak memory of `utad eval` on a dataset: GNU time's maximum resident set size.
#   bench/eval_memory.sh MODEL.utad [DATA] [UTAD] [--copies N] [--shard K/N] [--json]
# DATA defaults to the bundled battery-weld sample, UTAD to build/bin/utad. With --copies N the test
# set of DATA (images and masks) is repeated N times as symbolic links in a temporary folder, so
# large datasets cost no disk. --shard K/N scores only part of it (the whole listing is still
# loaded: see docs/BENCHMARKS.md for how the 100,000-image figure is made); --json also writes the
# report, as a real run would.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/results.sh
. bench/results.sh
pos=()
COPIES=0
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --copies) COPIES=$2; shift 2 ;;
        --shard) EXTRA+=(--shard "$2"); shift 2 ;;
        --json) JSON=1; shift ;;
        *) pos+=("$1"); shift ;;
    esac
done
MODEL=${pos[0]:?usage: bench/eval_memory.sh MODEL.utad [DATA] [UTAD] [--copies N] [--shard K/N] [--json]}
DATA=${pos[1]:-resources/samples/battery-weld}
UTAD=${pos[2]:-build/bin/utad}
work=$(mktemp -d /tmp/utad-memory.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ "$COPIES" -gt 0 ]; then
    src=$(realpath "$DATA")
    DATA=$(repeat_test_set "$src" "$COPIES" "$work/data")
    echo "dataset: $COPIES copies of $src/test: $(find "$DATA/test" -type l | wc -l) images"
fi
if [ "${JSON:-0}" = 1 ] || [ ${#EXTRA[@]} -gt 0 ]; then EXTRA+=(--json "$work/report.json"); fi
/usr/bin/time -v -o "$work/time.txt" "$UTAD" eval --data "$DATA" --model "$MODEL" "${EXTRA[@]}" 2>/dev/null |
    grep -E "Evaluated|speed"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$work/time.txt"
