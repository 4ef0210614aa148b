#!/usr/bin/env bash
# Peak memory of `utad eval` on a dataset: GNU time's maximum resident set size.
#   bench/eval_memory.sh MODEL.utad [DATA] [UTAD]
# DATA defaults to the bundled battery-weld sample, UTAD to build/bin/utad.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${1:?usage: bench/eval_memory.sh MODEL.utad [DATA] [UTAD]}
DATA=${2:-resources/samples/battery-weld}
UTAD=${3:-build/bin/utad}
report=$(mktemp)
trap 'rm -f "$report"' EXIT
/usr/bin/time -v -o "$report" "$UTAD" eval --data "$DATA" --model "$MODEL" 2>/dev/null | grep -E "Evaluated|speed"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$report"
