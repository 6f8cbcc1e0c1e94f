#!/usr/bin/env bash
# The checks of the test command beyond the Release suite (issue 8), in one clang build:
#   1. the whole CTest suite built with AddressSanitizer + UndefinedBehaviorSanitizer;
#   2. every saved crash input under fuzz/regressions/ replayed once, then each libFuzzer
#      target fuzzed briefly on its corpus (scripts/fuzz-smoke.sh, about 30 s in all).
# One build folder serves both: the library is compiled once, with the sanitizers and the
# fuzzer's coverage hooks. Long fuzzing runs are fuzz/run.sh.
# usage: scripts/sanitize.sh [extra ctest arguments]
# env:   DATELINE_SANITIZE_BUILD_DIR (default build-check), DATELINE_FUZZ_SECONDS (per target, default 6)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DATELINE_SANITIZE_BUILD_DIR:-build-check}
command -v clang++ >/dev/null || { echo "sanitize.sh: clang++ not found (run scripts/setup.sh --test)" >&2; exit 2; }
# Debug keeps assertions on; -O1 keeps the sanitized suite fast enough to run on every change.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_CXX_COMPILER=clang++ -DDATELINE_SANITIZE=ON -DDATELINE_FUZZ=ON -DDATELINE_TESTS=ON \
  -DDATELINE_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"
# Leaks count as failures; any UB report stops the test that hit it (halt_on_error).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "== sanitized test suite (ASan + UBSan, $build)"
# The browser tests check exporters' output inside chromium, which the sanitizer cannot see into;
# the Release run of scripts/test.sh covers them.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -E '^exporters\.browser$' "$@"
echo "== fuzz smoke"
DATELINE_FUZZ_BUILD_DIR=$build bash scripts/fuzz-smoke.sh "${DATELINE_FUZZ_SECONDS:-6}"
