#!/usr/bin/env bash
# Scores a dataset in N shards with GNU Parallel, merges them and compares the merged report with one
# run over the whole dataset: the README's GNU Parallel recipe, checked.
#
#   bench/shard_parallel.sh [MODEL] [DATA] [SHARDS] [UTAD] [-- PARALLEL OPTIONS...]
#
# Defaults: the sample model, the bundled battery-weld sample, 4 shards, build/bin/utad; the shards
# run on this machine, two at a time. Options after -- go to parallel, e.g. `-- -S node1,node2`
# to run the shards over ssh (the dataset, the model and utad at the same paths there, the output
# folder on a shared file system). Exit status 0 when the merged report matches the single run.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
MODEL=$(realpath "${args[0]:-resources/models/battery-weld-cpu.utad}")
DATA=$(realpath "${args[1]:-resources/samples/battery-weld}")
SHARDS=${args[2]:-4}
UTAD=$(realpath "${args[3]:-build/bin/utad}")
THREADS=1

command -v parallel >/dev/null || { echo "shard_parallel: GNU Parallel not found (scripts/setup.sh installs parallel)" >&2; exit 77; }
OUT=$(mktemp -d /tmp/utad-parallel.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

start=$(date +%s%N)
seq "$SHARDS" | parallel --will-cite --halt now,fail=1 -j "${UTAD_PARALLEL_JOBS:-2}" "$@" \
    "$UTAD" eval --data "$DATA" --model "$MODEL" --threads $THREADS --shard {}/"$SHARDS" \
    --json "$OUT/shard-{}.json" ">" "$OUT/shard-{}.log" "2>&1" || {
    echo "shard_parallel: a shard failed:" >&2
    tail -n 5 "$OUT"/shard-*.log >&2
    exit 1
}
end=$(date +%s%N)
echo "shard_parallel: $SHARDS shards in $(( (end - start) / 1000000 )) ms"
NAME=shard_parallel
. scripts/shard_check.sh
merge_and_compare
