#!/usr/bin/env bash
# Trains and evaluates one model per variant and prints a Markdown table row for each, so that every
# tuning figure in docs/BENCHMARKS.md comes from a command in the repository.
#   bench/sweep.sh OUTDIR DATA 'NAME: TRAIN OPTIONS [| EVAL OPTIONS]' ...
# Example:
#   bench/sweep.sh /tmp/sweep resources/samples/battery-weld \
#       'preset:' 'kl 0.01: --set klWeight=0.01' 'sigma 4: | --set smoothSigma=4'
# Every run uses --seed 1 --threads 1; UTAD (environment) picks the binary (default build/bin/utad).
# A variant whose results exist in OUTDIR is not trained again; variants with the same training
# options share one model.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: bench/sweep.sh OUTDIR DATA 'NAME: TRAIN OPTIONS [| EVAL OPTIONS]' ...}
DATA=${2:?usage: bench/sweep.sh OUTDIR DATA 'NAME: TRAIN OPTIONS [| EVAL OPTIONS]' ...}
shift 2
UTAD=${UTAD:-build/bin/utad}
mkdir -p "$OUT"

# shellcheck source=bench/results.sh
. bench/results.sh
fmt() { [ "$1" = null ] && echo "–" || printf '%.3f' "$1"; }

echo "| Variant | train options | eval options | image AUROC | pixel AUROC | AUPRO | training | ms/image |"
echo "|---|---|---|---|---|---|---|---|"
for variant in "$@"; do
    name=${variant%%:*}
    rest=${variant#*:}
    train=${rest%%|*}
    evalopts=""
    [[ "$rest" == *"|"* ]] && evalopts=${rest#*|}
    train=$(echo "$train" | xargs) evalopts=$(echo "$evalopts" | xargs)
    key=$(echo "$train" | md5sum | cut -c1-12)
    model="$OUT/model-$key.utad"
    if [ ! -s "$model" ]; then
        # shellcheck disable=SC2086 # the options are meant to split into words
        "$UTAD" train --data "$DATA" --seed 1 --threads 1 $train --out "$model" >"$OUT/model-$key.log"
    fi
    json="$OUT/eval-$(echo "$train|$evalopts" | md5sum | cut -c1-12).json"
    if [ ! -s "$json" ]; then
        # shellcheck disable=SC2086
        "$UTAD" eval --data "$DATA" --model "$model" --threads 1 $evalopts --json "$json" >/dev/null 2>&1
    fi
    trained=$(training_time "$OUT/model-$key.log")
    printf '| %s | `%s` | `%s` | %s | %s | %s | %s | %.1f |\n' "$name" "${train:-}" "${evalopts:-}" \
        "$(fmt "$(field "$json" image_auroc)")" "$(fmt "$(field "$json" pixel_auroc)")" \
        "$(fmt "$(field "$json" aupro)")" "$trained" "$(field "$json" ms_per_image)"
done
