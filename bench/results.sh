# Shared by the accuracy scripts in bench/ (sourced, not run).

# field FILE KEY: a number from the top level of a `utad eval --json` file ("null" when absent).
field() {
    sed -n "s/^  \"$2\": \([^,]*\),\?$/\1/p" "$1" | head -1
}

# training_time LOG: the duration a `utad train` log reports on its last line ("3:20").
training_time() {
    sed -n 's/^Saved .* after \([0-9:]*\) .*/\1/p' "$1" | tail -1
}
