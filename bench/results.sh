# Shared by the scripts in bench/ (sourced, not run).

# field FILE KEY: a number from the top level of a `utad eval --json` file ("null" when absent).
field() {
    sed -n "s/^  \"$2\": \([^,]*\),\?$/\1/p" "$1" | head -1
}

# training_time LOG: the duration a `utad train` log reports on its last line ("3:20").
training_time() {
    sed -n 's/^Saved .* after \([0-9:]*\) .*/\1/p' "$1" | tail -1
}

# repeat_test_set SRC N OUT: OUT gets SRC's test images and masks N times over as symbolic links
# (c1_NAME ... cN_NAME), so a large dataset costs no disk; prints OUT.
repeat_test_set() {
    local src=$1 copies=$2 out=$3 dir rel f c
    for dir in "$src"/test/* "$src"/ground_truth/*; do
        [ -d "$dir" ] || continue
        rel=${dir#"$src"/}
        mkdir -p "$out/$rel"
        local files=("$dir"/*)
        for ((c = 1; c <= copies; c++)); do
            for f in "${files[@]}"; do ln -s "$f" "$out/$rel/c${c}_${f##*/}"; done
        done
    done
    echo "$out"
}
