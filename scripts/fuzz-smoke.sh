#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each briefly on its corpus (about 30 s in all), after
# replaying every saved crash input under fuzz/regressions/. A smoke test: long runs are fuzz/run.sh.
# usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 6; five targets)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-6}
bash fuzz/run.sh --regressions
bash fuzz/run.sh "$seconds"
