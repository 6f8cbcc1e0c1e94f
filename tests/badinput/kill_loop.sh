#!/usr/bin/env bash
# kill -9 at random moments of `dateline ingest`, many times: after every kill the database
# opens, passes SQLite's integrity check and holds only whole batches; a final rerun finishes
# the work with the same counts as an ingest that was never interrupted.
# usage: kill_loop.sh DATELINE WORK [ROUNDS] [SEED]
set -euo pipefail
bin=$1 work=$2 rounds=${3:-20} seed=${4:-$$}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
source "$here/lib.sh"
RANDOM=$seed
echo "seed $seed (rerun with: kill_loop.sh DATELINE WORK $rounds $seed)"

total=300 batch=10
bash "$here/../store/make_articles.sh" 8 "$total" > "$work/articles.jsonl"
db=$work/killed.db

# How long an uninterrupted ingest takes here, so that the kills land all over it
# (opening and creating the schema, extraction, committing a batch, the end).
start=$(date +%s%N)
"$bin" ingest "$work/articles.jsonl" --db "$work/clean.db" --batch "$batch" --quiet
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span_ms" -ge 20 ] || span_ms=20

stat_of() { grep "\"$2\":" "$1" | head -n 1 | tr -dc 0-9; }
killed_midway=0
for round in $(seq 1 "$rounds"); do
  # Every fifth round starts from no database at all, so kills also hit its creation.
  if [ $((round % 5)) = 1 ]; then rm -f "$db" "$db-wal" "$db-shm"; fi
  delay_ms=$((RANDOM % span_ms))
  "$bin" ingest "$work/articles.jsonl" --db "$db" --batch "$batch" --quiet &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -9 "$pid" 2>/dev/null || true
  rc=0
  wait "$pid" 2>/dev/null || rc=$?
  # 137 = 128 + SIGKILL: it was still running (a finished ingest exits 0).
  if [ "$rc" = 137 ]; then killed_midway=$((killed_midway + 1)); fi
  [ -f "$db" ] || continue  # killed before the file was created: nothing to check
  if ! "$bin" stats --db "$db" --json --check > "$work/stats.json" 2> "$work/stats.err"; then
    fail "round $round (kill after ${delay_ms} ms): the database does not open: $(cat "$work/stats.err")"
    continue
  fi
  grep -q '"integrity": "ok"' "$work/stats.json" || fail "round $round: integrity check failed"
  n=$(stat_of "$work/stats.json" articles)
  [ $((n % batch)) = 0 ] || [ "$n" = "$total" ] || fail "round $round: $n articles stored, not whole batches of $batch"
done

"$bin" ingest "$work/articles.jsonl" --db "$db" --batch "$batch" --quiet
"$bin" stats --db "$db" --json --check > "$work/rerun.json"
"$bin" stats --db "$work/clean.db" --json > "$work/clean.json"
grep -q '"integrity": "ok"' "$work/rerun.json" || fail "integrity check failed after the rerun"
for key in articles events mentions; do
  a=$(stat_of "$work/clean.json" "$key") b=$(stat_of "$work/rerun.json" "$key")
  [ "$a" = "$b" ] || fail "$key: $b after the kills and a rerun, $a in an uninterrupted ingest"
done
echo "$rounds rounds over a ${span_ms} ms ingest, $killed_midway killed mid-way"
finish
