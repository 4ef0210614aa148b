# Shared by the shard scripts (sourced, not run): merges the shard reports in $OUT, scores the whole
# dataset once and compares. Expects NAME, UTAD, DATA, MODEL, THREADS, SHARDS and OUT to be set.
merge_and_compare() {
    "$UTAD" merge --out "$OUT/merged.json" "$OUT"/shard-*.json >"$OUT/merge.txt" 2>&1 || {
        cat "$OUT/merge.txt" >&2
        return 1
    }
    local start end
    start=$(date +%s%N)
    "$UTAD" eval --data "$DATA" --model "$MODEL" --threads "$THREADS" --json "$OUT/single.json" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$NAME: single run in $(((end - start) / 1000000)) ms"

    # Everything but the timings must match.
    local timing='"(ms_per_image|images_per_second)"'
    if diff <(grep -Ev "$timing" "$OUT/single.json") <(grep -Ev "$timing" "$OUT/merged.json") >"$OUT/diff.txt"; then
        grep -E '^  "(image_auroc|pixel_auroc|aupro|image_count)"' "$OUT/merged.json" | tr -d ' ,' | paste -sd' '
        echo "$NAME: OK, the merged report of $SHARDS shards equals the single run"
    else
        echo "$NAME: the merged report differs from the single run:" >&2
        head -n 40 "$OUT/diff.txt" >&2
        return 1
    fi
}
