#!/bin/sh
# Scores dateline on the shared TempEval-3 data; fails if overall value F1 drops below a threshold.
# usage: eval_threshold.sh DATELINE_BINARY GOLD_DIR MIN_VALUE_F1
# Exits 77 (CTest SKIP_RETURN_CODE) when the gold directory is absent: ../shared is not
# part of the repository, so a checkout on its own cannot run this test.
bin=$1
gold=$2
min=$3
if [ ! -d "$gold" ]; then
    echo "skipped: no TempEval-3 gold data at $gold (it lives in ../shared/eval/timeml beside the work tree)"
    exit 77
fi
out=$("$bin" eval "$gold") || { echo "$out"; echo "dateline eval failed"; exit 1; }
echo "$out"
echo "$out" | awk -v min="$min" '
    /^value F1/ { found = 1; f1 = $NF }
    END {
        if (!found) { print "no value F1 row in the output"; exit 1 }
        if (f1 + 0 < min + 0) { printf "value F1 %s is below %s\n", f1, min; exit 1 }
        printf "value F1 %s >= %s\n", f1, min
    }'
