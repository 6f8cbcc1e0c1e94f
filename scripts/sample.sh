#!/usr/bin/env bash
# Installs what is missing, builds (Release) and runs dateline on the bundled sample:
# prints the timeline as a table and writes timeline.json (TimelineJS) and events.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDATELINE_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target dateline_cli
db=$(mktemp -d)/sample.db
./build/dateline ingest data/samples/lachin-corridor.jsonl --db "$db" --quiet
./build/dateline extract data/samples/lachin-corridor.jsonl --format table
./build/dateline export --db "$db" --format timelinejs -o timeline.json
./build/dateline export --db "$db" --format json -o events.json
rm -rf "$(dirname "$db")"
echo "wrote timeline.json (TimelineJS) and events.json"
