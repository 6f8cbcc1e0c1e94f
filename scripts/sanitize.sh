#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer and runs it with CTest.
# usage: scripts/sanitize.sh [extra ctest arguments]     env: DATELINE_SANITIZE_BUILD_DIR (default build-sanitize)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DATELINE_SANITIZE_BUILD_DIR:-build-sanitize}
# Debug keeps assertions on; -O1 keeps the sanitized suite fast enough to run on every change.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DDATELINE_SANITIZE=ON -DDATELINE_TESTS=ON -DDATELINE_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"
# Leaks count as failures; any UB report stops the test that hit it (-fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The suite runs itself inside this one: the sanitizer and fuzz smoke cases would recurse,
# and the browser tests check exporters' output in a browser, which the sanitizer cannot see into.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -E '^(badinput\.(sanitize|fuzz_smoke)|exporters\.browser)$' "$@"
