#!/usr/bin/env bash
# Fashion-MNIST one-class protocol for both methods: for each normal class N, train on class N's
# training images, evaluate on all 10,000 test images, and print a Markdown table of image AUROCs.
#   bench/fashion_mnist.sh OUTDIR [IE_STEPS] [CLASSES] [UTAD]
# IE_STEPS (default 1200, the cpu preset's): the two-stage model's IE-Net steps (the Expert-Net gets the
# preset's share, a third); the autoencoder gets the same budget in its own steps (an Expert-Net step
# costs about 4 IE-Net steps: 7/3 as many). CLASSES defaults to "0 1 2 3 4 5 6 7 8 9".
# Models, logs and JSON results stay in OUTDIR; a class whose JSON exists is not run again.
# METHODS (environment, default "utad ae") picks the methods; a method left out shows as "–".
# SEED (environment, default 1) seeds the training; keep each seed's runs in an OUTDIR of its own.
# EVAL_OPTS (environment), e.g. "--set scoreTopFraction=1", rescores the same models differently;
# its results are kept apart (the JSON name gets a hash of the options).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: bench/fashion_mnist.sh OUTDIR [IE_STEPS] [CLASSES] [UTAD]}
STEPS=${2:-1200}
CLASSES=${3:-0 1 2 3 4 5 6 7 8 9}
UTAD=${4:-build/bin/utad}
EVAL_OPTS=${EVAL_OPTS:-}
TAG=""
[ -n "$EVAL_OPTS" ] && TAG="-$(echo "$EVAL_OPTS" | md5sum | cut -c1-8)"
DATA=idx:/usr/share/datasets/fashion-mnist
NAMES=(T-shirt/top Trouser Pullover Dress Coat Sandal Shirt Sneaker Bag "Ankle boot")
mkdir -p "$OUT"

# shellcheck source=bench/results.sh
. bench/results.sh

for n in $CLASSES; do
    for method in ${METHODS:-utad ae}; do
        steps=$STEPS
        [ "$method" = ae ] && steps=$((7 * STEPS / 3))
        stem="$OUT/fm-$n-$method"
        [ -s "$stem$TAG.json" ] && continue
        if [ ! -s "$stem.utad" ]; then
            "$UTAD" train --data "$DATA" --normal-class "$n" --method "$method" --steps "$steps" --seed "${SEED:-1}" \
                --threads 1 --out "$stem.utad" >"$stem.train.log"
        fi
        # shellcheck disable=SC2086 # the options are meant to split into words
        "$UTAD" eval --data "$DATA" --normal-class "$n" --model "$stem.utad" --threads 1 --json "$stem$TAG.json" \
            $EVAL_OPTS >"$stem$TAG.eval.log"
    done
done

echo "| Normal class | two-stage image AUROC | training | autoencoder image AUROC | training |"
echo "|---|---|---|---|---|"
awk_sum() { awk 'NF { s += $1; n += 1 } END { if (n) printf "%.3f", s / n; else printf "–" }'; }
utad_all=() ae_all=()
for n in $CLASSES; do
    row="| $n (${NAMES[$n]})"
    for method in utad ae; do
        if [ -s "$OUT/fm-$n-$method$TAG.json" ]; then
            v=$(field "$OUT/fm-$n-$method$TAG.json" image_auroc)
            [ "$method" = utad ] && utad_all+=("$v") || ae_all+=("$v")
            row="$row | $(printf '%.3f' "$v") | $(training_time "$OUT/fm-$n-$method.train.log")"
        else
            row="$row | – | –"
        fi
    done
    echo "$row |"
done
printf '| mean | **%s** | | %s | |\n' "$(printf '%s\n' "${utad_all[@]}" | awk_sum)" \
    "$(printf '%s\n' "${ae_all[@]}" | awk_sum)"
