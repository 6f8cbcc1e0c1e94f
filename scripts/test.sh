#!/usr/bin/env bash
# Installs what is missing, builds (Release) and runs the whole test suite through CTest; then
# the same suite under ASan + UBSan and a short fuzzing smoke run (scripts/sanitize.sh).
# DATELINE_SKIP_SANITIZE=1 stops after the Release suite (a quicker loop while developing;
# CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
build=${DATELINE_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDATELINE_TESTS=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
if [ "${DATELINE_SKIP_SANITIZE:-0}" != 1 ]; then
  bash scripts/sanitize.sh
fi
