#!/usr/bin/env bash
# Writes N synthetic JSONL articles for set S (ids, dates and places differ per set, so sets never share an event).
# usage: make_articles.sh SET COUNT > file.jsonl
set -euo pipefail
set_no=$1 count=$2
places=("Stepanakert" "Shusha" "Agdam" "Lachin" "Syunik" "Kalbajar" "Hadrut" "Nakhchivan")
for ((i = 0; i < count; i++)); do
  # One day per article from a start that differs by set: every event is its own.
  day=$(date -u -d "2000-01-01 + $((set_no * 3000 + i)) days" +%Y-%m-%d)
  pretty=$(date -u -d "$day" '+%-d %B %Y')
  place=${places[$((i % ${#places[@]}))]}
  printf '{"id":"set%s-%05d","source":"Outlet %s","published":"%s","title":"Report %s","text":"Azerbaijan and Armenia clashed near %s on %s, officials said. Russia urged Azerbaijan and Armenia on %s to resume talks."}\n' \
    "$set_no" "$i" "$set_no" "$day" "$i" "$place" "$pretty" "$pretty"
done
