#!/usr/bin/env bash
# Four `dateline ingest` processes on one database at once, each with its own articles:
# all must succeed, every article and event must be there, and the database must be sound.
# usage: concurrent_ingest.sh DATELINE WORKDIR
set -euo pipefail
bin=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
for s in 1 2 3 4; do bash "$here/make_articles.sh" "$s" 150 > "$work/set$s.jsonl"; done

# The reference: the same sets one after the other.
for s in 1 2 3 4; do "$bin" ingest "$work/set$s.jsonl" --db "$work/serial.db" --quiet; done

# Extraction on three threads stores exactly what one thread stores.
"$bin" ingest "$work"/set{1,2,3,4}.jsonl --db "$work/threads.db" --jobs 3 --batch 7 --quiet
"$bin" stats --db "$work/threads.db" --json > "$work/threads.json"

# Small batches, so the four writers interleave many times.
pids=()
for s in 1 2 3 4; do
  "$bin" ingest "$work/set$s.jsonl" --db "$work/shared.db" --batch 5 --quiet 2> "$work/err$s" &
  pids+=($!)
done
status=0
for i in 0 1 2 3; do
  if ! wait "${pids[$i]}"; then
    echo "ingest process $((i + 1)) failed:" >&2; cat "$work/err$((i + 1))" >&2; status=1
  fi
done
[ "$status" = 0 ] || exit 1

"$bin" stats --db "$work/serial.db" --json --check > "$work/serial.json"
"$bin" stats --db "$work/shared.db" --json --check > "$work/shared.json"
for key in articles events mentions sources; do
  a=$(grep "\"$key\":" "$work/serial.json" | head -1 | tr -dc 0-9)
  b=$(grep "\"$key\":" "$work/shared.json" | head -1 | tr -dc 0-9)
  if [ "$a" != "$b" ]; then echo "$key: $b with concurrent ingest, $a one after the other" >&2; exit 1; fi
  c=$(grep "\"$key\":" "$work/threads.json" | head -1 | tr -dc 0-9)
  if [ "$a" != "$c" ]; then echo "$key: $c with --jobs 3, $a with one thread" >&2; exit 1; fi
done
articles=$(grep '"articles":' "$work/shared.json" | tr -dc 0-9)
[ "$articles" = 600 ] || { echo "expected 600 articles, found $articles" >&2; exit 1; }
grep -q '"integrity": "ok"' "$work/shared.json" || { echo "integrity check failed" >&2; cat "$work/shared.json" >&2; exit 1; }
echo "4 concurrent ingests: $articles articles, counts equal to a serial ingest (and to --jobs 3), integrity ok"
