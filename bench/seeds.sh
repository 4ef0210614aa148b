#!/usr/bin/env bash
# Trains and evaluates each variant with several seeds and prints one Markdown row per variant with
# the mean ± standard deviation over the seeds: the accuracy figures of docs/BENCHMARKS.md.
#   bench/seeds.sh OUTDIR DATA 'NAME: TRAIN OPTIONS' ...
# Example:
#   bench/seeds.sh /tmp/seeds resources/samples/battery-weld 'two-stage:' 'AE-SSIM: --method ae'
# SEEDS (default "1 2 3") picks the seeds, THREADS (default 1) the threads of each run, JOBS (default 1)
# how many runs go at once, UTAD the binary (default build/bin/utad). Runs whose results exist in OUTDIR
# are not repeated (delete a JSON file to evaluate its model again). Per-seed figures are in
# OUTDIR/*.json, the training logs in OUTDIR/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/seeds.sh OUTDIR DATA 'NAME: TRAIN OPTIONS' ..."
OUT=${1:?$usage}
DATA=${2:?$usage}
shift 2
UTAD=${UTAD:-build/bin/utad}
SEEDS=${SEEDS:-1 2 3}
THREADS=${THREADS:-1}
JOBS=${JOBS:-1}
mkdir -p "$OUT"

# One training + evaluation: run NAME SEED TRAIN-OPTIONS
run() {
    local stem="$OUT/$(echo "$1" | tr -c 'A-Za-z0-9\n-' '_')-seed$2"
    if [ ! -s "$stem.utad" ]; then
        # shellcheck disable=SC2086 # the options are meant to split into words
        "$UTAD" train --data "$DATA" --seed "$2" --threads "$THREADS" $3 --out "$stem.utad" >"$stem.log" 2>&1
    fi
    if [ ! -s "$stem.json" ]; then
        "$UTAD" eval --data "$DATA" --model "$stem.utad" --threads "$THREADS" --json "$stem.json" >"$stem.eval" 2>&1
    fi
}
export -f run
export OUT DATA UTAD THREADS

for variant in "$@"; do
    name=${variant%%:*}
    opts=$(echo "${variant#*:}" | xargs)
    for seed in $SEEDS; do printf '%s\0%s\0%s\0' "$name" "$seed" "$opts"; done
done | xargs -0 -n 3 -P "$JOBS" bash -c 'run "$0" "$1" "$2"'

echo "| Variant | train options | seeds | image AUROC | pixel AUROC | AUPRO | SSIM(x, x̂) | SSIM(x, m) | training | ms/image |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for variant in "$@"; do
    name=${variant%%:*}
    opts=$(echo "${variant#*:}" | xargs)
    stems=()
    for seed in $SEEDS; do stems+=("$OUT/$(echo "$name" | tr -c 'A-Za-z0-9\n-' '_')-seed$seed"); done
    python3 - "$name" "$opts" "${stems[@]}" <<'PY'
import json, re, statistics, sys
name, opts, stems = sys.argv[1], sys.argv[2], sys.argv[3:]
def mean_std(values):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.3f} ± {sd:.3f}"
rows = [json.load(open(s + ".json")) for s in stems]
def fidelity(r, key):
    f = r.get("fidelity") or {}
    for k, v in f.items():
        if key in k.lower() and isinstance(v, (int, float)):
            return v
    return None
seconds = []
for s in stems:
    m = re.findall(r"^Saved .* after ([0-9:]+) ", open(s + ".log").read(), re.M)
    if m:
        parts = [int(p) for p in m[-1].split(":")]
        seconds.append(sum(p * 60 ** i for i, p in enumerate(reversed(parts))))
def clock(v):
    return f"{int(v // 60)}:{int(v % 60):02d}"
train = f"{clock(statistics.mean(seconds))} (max {clock(max(seconds))})" if seconds else "–"
ms = statistics.mean(r.get("ms_per_image", 0) for r in rows)
print(f"| {name} | `{opts}` | {len(rows)} | {mean_std([r.get('image_auroc') for r in rows])} | "
      f"{mean_std([r.get('pixel_auroc') for r in rows])} | {mean_std([r.get('aupro') for r in rows])} | "
      f"{mean_std([fidelity(r, 'reconstruction') for r in rows])} | {mean_std([fidelity(r, 'impression') for r in rows])} | "
      f"{train} | {ms:.0f} |")
PY
done
