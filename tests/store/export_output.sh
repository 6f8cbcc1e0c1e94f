#!/usr/bin/env bash
# `export -o FILE` writes beside FILE and renames over it when complete: an
# existing file is replaced whole, no partial file is left behind, and a path
# that is not a regular file (/dev/stdout here) is written in place.
set -euo pipefail
bin=$1
work=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work" && mkdir -p "$work"
"$bin" ingest "$src/tests/golden/store/two-reports.jsonl" --db "$work/s.db" --quiet

echo "an older export" > "$work/out.csv"
"$bin" export --db "$work/s.db" -f csv -o "$work/out.csv" --export-date 2024-01-01
"$bin" export --db "$work/s.db" -f csv --export-date 2024-01-01 > "$work/stdout.csv"
cmp "$work/out.csv" "$work/stdout.csv" || { echo "FAIL: -o and stdout differ"; exit 1; }
if ls "$work" | grep -q '\.part-'; then echo "FAIL: a partial file was left: $(ls "$work")"; exit 1; fi

# A symbolic link is written through, and stays a link.
echo "old" > "$work/real.csv"
ln -s real.csv "$work/link.csv"
"$bin" export --db "$work/s.db" -f csv -o "$work/link.csv" --export-date 2024-01-01
[ -L "$work/link.csv" ] || { echo "FAIL: the link was replaced"; exit 1; }
cmp "$work/real.csv" "$work/stdout.csv" || { echo "FAIL: not written through the link"; exit 1; }

# Not a regular file: written in place, never renamed over.
"$bin" export --db "$work/s.db" -f csv -o /dev/stdout --export-date 2024-01-01 > "$work/dev.csv"
cmp "$work/dev.csv" "$work/stdout.csv" || { echo "FAIL: -o /dev/stdout differs"; exit 1; }
[ -c /dev/null ] || { echo "FAIL: /dev/null is no longer a device"; exit 1; }
"$bin" export --db "$work/s.db" -f json -o /dev/null
[ -c /dev/null ] || { echo "FAIL: /dev/null was replaced"; exit 1; }

# A folder that does not exist: a clear error, nothing created.
if "$bin" export --db "$work/s.db" -f csv -o "$work/no/such/dir/x.csv" 2> "$work/err.txt"; then
    echo "FAIL: export into a missing folder succeeded"; exit 1
fi
grep -q "cannot write $work/no/such/dir/x.csv" "$work/err.txt" || { echo "FAIL: error was: $(cat "$work/err.txt")"; exit 1; }
echo "ok"
