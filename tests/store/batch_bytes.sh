#!/usr/bin/env bash
# A batch ends at --batch articles or at --batch-bytes bytes of article text, whichever
# comes first; the store holds the same whatever the batching.
# usage: batch_bytes.sh DATELINE WORKDIR
set -euo pipefail
bin=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
bash "$here/make_articles.sh" 3 40 > "$work/articles.jsonl"

summary() { # DB ARGS... -> the summary line on stderr
  local db=$1; shift
  "$bin" ingest "$work/articles.jsonl" --db "$work/$db" "$@" 2>&1 >/dev/null | tail -n 1
}
expect() { # LINE PATTERN WHAT
  grep -Eq "$2" <<< "$1" || { echo "$3: expected /$2/ in: $1" >&2; exit 1; }
}

line=$(summary default.db)
expect "$line" "40 articles .*, 1 batch$" "default batching"
line=$(summary by-count.db --batch 7)
expect "$line" "40 articles .*, 6 batches$" "--batch 7"
# Every article's text is over 100 bytes: each one closes its own batch.
line=$(summary by-bytes.db --batch 1000 --batch-bytes 100)
expect "$line" "40 articles .*, 40 batches$" "--batch-bytes 100"
# Two articles' text (~2 x 150 bytes) reach 250 bytes: batches of two.
line=$(summary by-pairs.db --batch 1000 --batch-bytes 250)
expect "$line" "40 articles .*, 20 batches$" "--batch-bytes 250"

for db in by-count by-bytes by-pairs; do
  for f in json csv; do
    "$bin" export --db "$work/$db.db" -f "$f" --export-date 2026-01-01 -o "$work/$db.$f"
    "$bin" export --db "$work/default.db" -f "$f" --export-date 2026-01-01 -o "$work/default.$f"
    cmp -s "$work/default.$f" "$work/$db.$f" || { echo "$db: $f export differs from one batch" >&2; exit 1; }
  done
done
if "$bin" ingest "$work/articles.jsonl" --db "$work/zero.db" --batch-bytes 0 2> "$work/zero.err"; then
  echo "--batch-bytes 0 was accepted" >&2; exit 1
fi
grep -q -- "--batch-bytes must be at least 1" "$work/zero.err" || { echo "no clear error for --batch-bytes 0" >&2; exit 1; }
echo "batches close by count and by bytes of text; the exports are identical to one batch"
