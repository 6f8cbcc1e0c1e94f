#!/usr/bin/env bash
# A `dateline ingest` killed with SIGKILL mid-way: the database opens, passes the integrity
# check, holds only whole batches, and running the ingest again completes the rest.
# usage: killed_ingest.sh DATELINE WORKDIR
set -euo pipefail
bin=$1 work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
total=1500 batch=20
bash "$here/make_articles.sh" 7 "$total" > "$work/articles.jsonl"

count_articles() { "$bin" stats --db "$work/killed.db" --json | grep '"articles":' | tr -dc 0-9; }

"$bin" ingest "$work/articles.jsonl" --db "$work/killed.db" --batch "$batch" --quiet &
pid=$!
# Wait until some batches are committed, then kill without warning.
for _ in $(seq 1 400); do
  sleep 0.05
  if [ -f "$work/killed.db" ] && n=$(count_articles 2>/dev/null) && [ "${n:-0}" -ge $((batch * 3)) ]; then break; fi
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

"$bin" stats --db "$work/killed.db" --json --check > "$work/after-kill.json"
grep -q '"integrity": "ok"' "$work/after-kill.json" || { echo "integrity check failed after kill" >&2; exit 1; }
n=$(grep '"articles":' "$work/after-kill.json" | tr -dc 0-9)
if [ "$n" -ge "$total" ]; then
  echo "note: the ingest finished before it could be killed ($n articles)"
elif [ $((n % batch)) != 0 ]; then
  echo "after the kill the store holds $n articles: not whole batches of $batch" >&2; exit 1
fi

"$bin" ingest "$work/articles.jsonl" --db "$work/killed.db" --quiet
"$bin" ingest "$work/articles.jsonl" --db "$work/clean.db" --quiet
"$bin" stats --db "$work/killed.db" --json --check > "$work/rerun.json"
"$bin" stats --db "$work/clean.db" --json > "$work/clean.json"
grep -q '"integrity": "ok"' "$work/rerun.json" || { echo "integrity check failed after rerun" >&2; exit 1; }
for key in articles events mentions; do
  a=$(grep "\"$key\":" "$work/clean.json" | head -1 | tr -dc 0-9)
  b=$(grep "\"$key\":" "$work/rerun.json" | head -1 | tr -dc 0-9)
  [ "$a" = "$b" ] || { echo "$key: $b after kill and rerun, $a in a clean ingest" >&2; exit 1; }
done
echo "killed after $n of $total articles (whole batches), integrity ok, rerun completed to the same counts"
