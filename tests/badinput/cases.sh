#!/usr/bin/env bash
# Bad-input cases that need more than one command: a folder with unreadable files, and the
# database side: a --db that is not SQLite, is corrupt, is read-only, is from a newer schema, or
# cannot be created. Each gives one clear line naming the file, a documented exit code (1: bad
# input, the rest stored; 2: the database fails under us), and leaves a database exactly as it was.
# usage: cases.sh DATELINE INPUTS WORK CASE
#   INPUTS: the folder make_inputs.sh wrote
#   CASE:   huge_line | huge_text | huge_stdin | directory | hostile_filters | not_sqlite | corrupt | newer_schema | read_only | read_only_export | cannot_create
set -euo pipefail
bin=$1 in=$2 work=$3 case=$4
rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
source "$(dirname "$0")/lib.sh"

# A new article, so that an ingest which did get through would change the store.
printf 'Armenia and Azerbaijan resumed talks in Washington on 2 May 2023.\n' > "$work/new.txt"
chmod 644 "$work/new.txt"

refused_untouched() {  # DB: ingest and export refuse it with a line naming it; the bytes stay
  local db=$1 pattern=$2
  local before
  before=$(sha256sum < "$work/$db")
  expect 2 "$db: $pattern" "$bin" ingest "$work/new.txt" --db "$work/$db" --quiet
  expect 2 "$db: $pattern" "$bin" export --db "$work/$db" --format json
  [ "$(sha256sum < "$work/$db")" = "$before" ] || fail "$db was modified"
}

# A 200 MB line costs reading, not memory: it is skipped with its size, the next line is stored.
# The limit leaves room for a sanitizer build's own overhead; a reader that holds the line
# whole needs over 200 MB.
huge_limit_mb=${DATELINE_BADINPUT_RSS_MB:-180}
case $case in
huge_line)
  expect 1 "huge-line.jsonl:1: line is 209760026 bytes, over the article limit of 10485760" \
    "$bin" ingest "$in/huge-line.jsonl" --db "$work/h.db"
  expect_memory "$huge_limit_mb"
  grep -Eq "ingested 1 article .*1 new" "$work/err" || fail "the line after the huge one was not stored: $(cat "$work/err")"
  ;;
huge_text)
  expect 1 "huge-line.jsonl: article is 209760149 bytes, over the limit of 10485760" \
    "$bin" extract --input-format text "$in/huge-line.jsonl" "$in/good.txt" --published 2023-02-23
  expect_memory "$huge_limit_mb"
  [ -s "$work/out" ] || fail "the good file beside the huge one gave no events"
  ;;
huge_stdin)
  expect 1 "<stdin>:1: line is 209760026 bytes" --stdin "$in/huge-line.jsonl" "$bin" extract -
  expect_memory "$huge_limit_mb"
  grep -q '"article":"after-huge"' "$work/out" || fail "the line after the huge one gave no events"
  ;;
directory)
  # Good files in a folder and below, beside an unreadable file, a dangling link and an empty file:
  # each bad one is named, the good ones are stored.
  cp -a "$in/dir" "$work/dir"
  mkdir -p "$work/db" && chmod 777 "$work/db"
  expect 1 "c-unreadable.txt: cannot open file" "${as_user[@]}" "$bin" ingest "$work/dir" --db "$work/db/dir.db" --quiet
  grep -q "d-dangling.txt: broken symbolic link" "$work/err" || fail "the dangling link is not reported: $(cat "$work/err")"
  grep -q "e-empty.txt: file is empty" "$work/err" || fail "the empty file is not reported: $(cat "$work/err")"
  [ "$(grep -vc ' ingested ' "$work/err")" = 3 ] || fail "expected exactly three problem lines: $(cat "$work/err")"
  [ "$(count_rows "$work/db/dir.db" articles)" = 2 ] || fail "the two good files were not both stored"
  ;;
not_sqlite)
  cp "$in/not-sqlite.db" "$work/"
  refused_untouched not-sqlite.db "file is not a database"
  ;;
corrupt)
  cp "$in/corrupt.db" "$work/"
  refused_untouched corrupt.db ".*(not a database|malformed)"
  ;;
newer_schema)
  "$bin" ingest "$in/good.jsonl" --db "$work/newer.db" --quiet
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 99"); c.commit()' "$work/newer.db"
  refused_untouched newer.db "schema version 99 is newer"
  [ "$(count_rows "$work/newer.db" articles)" = 1 ] || fail "newer.db: its articles changed"
  ;;
read_only)
  # The ingest fails with a clear line and the file is unchanged.
  "$bin" ingest "$in/good.jsonl" --db "$work/ro.db" --quiet
  chmod 444 "$work/ro.db"
  before=$(sha256sum < "$work/ro.db")
  expect 2 "ro.db: .*(read-?only|permission|denied)" "${as_user[@]}" "$bin" ingest "$work/new.txt" --db "$work/ro.db" --quiet
  [ "$(sha256sum < "$work/ro.db")" = "$before" ] || fail "ro.db was modified"
  ;;
read_only_export)
  # Reading needs no write access: an archived, read-only store still exports.
  "$bin" ingest "$in/good.jsonl" --db "$work/ro.db" --quiet
  chmod 444 "$work/ro.db"
  expect 0 "" "${as_user[@]}" "$bin" export --db "$work/ro.db" --format json
  grep -q '"type"' "$work/out" || fail "export of ro.db has no events"
  ;;
cannot_create)
  # A read-only folder, a missing folder, a folder given as --db.
  mkdir -p "$work/ro-dir" && chmod 555 "$work/ro-dir"
  expect 2 "ro-dir/x.db: " "${as_user[@]}" "$bin" ingest "$work/new.txt" --db "$work/ro-dir/x.db" --quiet
  expect 2 "missing-dir/x.db: " "$bin" ingest "$work/new.txt" --db "$work/missing-dir/x.db" --quiet
  mkdir -p "$work/a-dir.db"
  expect 2 "a-dir.db: " "$bin" ingest "$work/new.txt" --db "$work/a-dir.db" --quiet
  ;;
hostile_filters)
  # Filter values that would be SQL or FTS5 syntax if pasted into a query: they match nothing,
  # change nothing, and are no error (values are bound, FTS words quoted).
  "$bin" ingest "$in/good.jsonl" --db "$work/f.db" --quiet
  before=$(count_rows "$work/f.db" events)
  for filter in "--actor=x' OR '1'='1" "--place=x\" OR 1=1 --" "--type=x'); DROP TABLE events; --" \
                '--query=" OR * NEAR(' '--query=Lachin" OR "x' "--actor=%" "--query=*"; do
    expect 0 "" "$bin" export --db "$work/f.db" --format json "$filter"
    grep -q '"events": \[\]' "$work/out" || fail "export $filter matched events: $(head -c 300 "$work/out")"
  done
  [ "$(count_rows "$work/f.db" events)" = "$before" ] || fail "the events table changed"
  # A value that is a real filter still works after all that.
  expect 0 "" "$bin" export --db "$work/f.db" --format json --actor Azerbaijan
  grep -q '"Azerbaijan"' "$work/out" || fail "--actor Azerbaijan found nothing"
  ;;
*) echo "unknown case $case" >&2; exit 2 ;;
esac
finish
