#!/usr/bin/env bash
# Issue 7's corpus at scale: the synthetic articles of bench/gen_articles grown to
# SIZE_MB of JSON Lines (default 1024, i.e. 1 GB), then the whole process on it,
# one core each: `dateline extract -j 1` (tagging + events + JSON to /dev/null) and
# `dateline ingest` into a new database. Prints wall and CPU time, MB/s,
# articles/s and peak RSS (GNU time's "Maximum resident set size") of each, as a
# table and one JSON line. Memory must stay flat in corpus size: compare with a
# smaller SIZE_MB.
#
#   bench/scale.sh [BUILD_DIR] [SIZE_MB]      (BUILD_DIR default build-bench)
#
# Environment: SCALE_SKIP_INGEST=1 measures extract only. Generated files go to
# BUILD_DIR/bench-data (corpus, database), never into git; the database is
# removed afterwards unless SCALE_KEEP_DB=1.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-bench}
size_mb=${2:-1024}

if [ ! -x /usr/bin/time ]; then
    echo "scale.sh: GNU time is missing (apt-get install time)" >&2
    exit 1
fi
case "$size_mb" in '' | *[!0-9]*) echo "scale.sh: SIZE_MB must be a whole number, got '$size_mb'" >&2; exit 1 ;; esac
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target dateline_cli gen_articles -j2 >/dev/null

data=$build/bench-data
mkdir -p "$data"
corpus=$data/synthetic-${size_mb}MB.jsonl
want=$((size_mb * 1024 * 1024))
if [ ! -f "$corpus" ] || [ "$(stat -c %s "$corpus")" -lt "$want" ]; then
    # The generator's articles average ~630 bytes; ask for enough, then stop at the size.
    sample=$("$build/bench/gen_articles" 2000 | wc -c)
    count=$((want / (sample / 2000) + 2000))
    echo "== generating $count articles (~$size_mb MB) into $corpus"
    "$build/bench/gen_articles" "$count" > "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
fi
bytes=$(stat -c %s "$corpus")
articles=$(wc -l < "$corpus")
echo "== corpus: $articles articles, $bytes bytes"

# measure NAME CMD...: GNU time's figures of one run, as "wall user sys maxrss_kb".
measure() {
    local out=$data/scale-$1.time
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$out" "$@"
    cat "$out"
}

echo "== dateline extract -j 1 (to /dev/null)"
read -r ex_wall ex_user ex_sys ex_rss < <(measure extract "$build/dateline" extract "$corpus" -j 1 -o /dev/null)
in_wall=0 in_user=0 in_sys=0 in_rss=0 events=0
if [ "${SCALE_SKIP_INGEST:-0}" != 1 ]; then
    db=$data/scale.db
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== dateline ingest (one core) into $db"
    read -r in_wall in_user in_sys in_rss < <(measure ingest "$build/dateline" ingest "$corpus" --db "$db" --quiet)
    db_bytes=$(stat -c %s "$db")
    [ "${SCALE_KEEP_DB:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"
fi

table() {
    awk -v bytes="$bytes" -v articles="$articles" \
        -v ew="$ex_wall" -v eu="$ex_user" -v es="$ex_sys" -v er="$ex_rss" \
        -v iw="$in_wall" -v iu="$in_user" -v is="$in_sys" -v ir="$in_rss" -v dbb="${db_bytes:-0}" 'BEGIN {
        mb = bytes / 1e6
        ecpu = eu + es; icpu = iu + is
        printf "| figure | extract -j 1 | ingest |\n|---|---:|---:|\n"
        printf "| wall s | %.1f | %.1f |\n", ew, iw
        printf "| CPU s (user+sys) | %.1f | %.1f |\n", ecpu, icpu
        printf "| MB/s (wall) | %.2f | %.2f |\n", mb / ew, (iw > 0 ? mb / iw : 0)
        printf "| articles/s (wall) | %.0f | %.0f |\n", articles / ew, (iw > 0 ? articles / iw : 0)
        printf "| articles per CPU s | %.0f | %.0f |\n", articles / ecpu, (icpu > 0 ? articles / icpu : 0)
        printf "| peak RSS MB | %.1f | %.1f |\n", er / 1024, ir / 1024
        if (dbb > 0) printf "| database MB | | %.1f |\n", dbb / 1e6
        printf "{\"bench\":\"scale\",\"bytes\":%d,\"articles\":%d,\"extract_wall_s\":%.2f,\"extract_cpu_s\":%.2f,\"extract_mb_s\":%.3f,\"extract_rss_mb\":%.1f,\"ingest_wall_s\":%.2f,\"ingest_cpu_s\":%.2f,\"ingest_articles_per_cpu_s\":%.0f,\"ingest_rss_mb\":%.1f,\"db_mb\":%.1f}\n",
               bytes, articles, ew, ecpu, mb / ew, er / 1024, iw, icpu, (icpu > 0 ? articles / icpu : 0), ir / 1024, dbb / 1e6
    }'
}
table
