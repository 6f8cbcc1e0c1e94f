#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for N seconds on its corpus.
#
# usage: fuzz/run.sh [SECONDS] [TARGET...]     TARGET: jsonl html timeml timex extract (default: all)
#        fuzz/run.sh --regressions             only replay fuzz/regressions/<target>/* once each
# env:   DATELINE_FUZZ_BUILD_DIR (default build-fuzz), DATELINE_FUZZ_JOBS (build jobs, default 2)
#
# Seeds come from fuzz/corpus/<target>/ (committed) and fuzz/regressions/<target>/ (crashers
# found before, kept as tests); new interesting inputs go to $build/corpus/<target>/ and
# crashes to $build/artifacts/<target>/, neither committed. Exit 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DATELINE_FUZZ_BUILD_DIR:-build-fuzz}
all_targets=(jsonl html timeml timex extract)

mode=fuzz seconds=60
if [ "${1:-}" = "--regressions" ]; then mode=replay; shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
# RelWithDebInfo: the fuzzer should run fast, and a crash still needs line numbers.
# A build folder already configured for fuzzing (scripts/sanitize.sh's, which also holds the
# sanitized test suite) is used as it is, so the test command compiles the library once.
if ! grep -q '^DATELINE_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DDATELINE_FUZZ=ON -DDATELINE_SANITIZE=ON -DDATELINE_TESTS=OFF -DDATELINE_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "${DATELINE_FUZZ_JOBS:-2}" --target $(printf 'fuzz_%s ' "${targets[@]}")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  seeds=(fuzz/corpus/$t)
  [ -d "fuzz/regressions/$t" ] && seeds+=(fuzz/regressions/$t)
  if [ $mode = replay ]; then
    # libFuzzer runs each file given as an argument once, without mutating it.
    files=()
    [ -d "fuzz/regressions/$t" ] && while IFS= read -r f; do files+=("$f"); done < <(find "fuzz/regressions/$t" -type f | sort)
    [ ${#files[@]} -gt 0 ] || continue
    echo "== fuzz_$t: replaying ${#files[@]} regression input(s)"
    for f in "${files[@]}"; do
      # One run per file: libFuzzer stops at the first crash.
      if DATELINE_FUZZ_KNOWN_BUGS=0 "$bin" "$f" > "$build/replay.log" 2>&1; then
        echo "   ok    $f"
      else
        failed+=("$t:$(basename "$f")")
        echo "   CRASH $f: $(grep -m1 -E 'runtime error|invariant broken|what\(\)|ERROR' "$build/replay.log")"
      fi
    done
    continue
  fi
  # Known bugs (fuzz/known-bugs.supp, fuzz_support.hpp run_pipeline) are looked past while
  # fuzzing, so that a long run finds new ones; DATELINE_FUZZ_KNOWN_BUGS=0 stops at them too.
  known=${DATELINE_FUZZ_KNOWN_BUGS:-1}
  ubsan=$UBSAN_OPTIONS
  [ "$known" = 1 ] && ubsan="$ubsan:suppressions=$PWD/fuzz/known-bugs.supp"
  work="$build/corpus/$t" artifacts="$build/artifacts/$t/"
  mkdir -p "$work" "$artifacts"
  echo "== fuzz_$t: ${seconds}s"
  # -timeout catches hangs (an input slower than 10 s is a bug: everything is linear);
  # -max_len 16 KB leaves room for whole articles while keeping executions fast.
  if DATELINE_FUZZ_KNOWN_BUGS=$known UBSAN_OPTIONS=$ubsan "$bin" "$work" "${seeds[@]}" -dict=fuzz/dateline.dict -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts" \
       > "$build/fuzz_$t.log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov: ' "$build/fuzz_$t.log" | tail -n 3
  else
    failed+=("$t")
    grep -E 'ERROR|invariant broken|SUMMARY|Test unit written|runtime error' "$build/fuzz_$t.log" | head -n 8
    echo "   (full log: $build/fuzz_$t.log)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz/run.sh: crashes in: ${failed[*]}; inputs under $build/artifacts/" >&2
  exit 1
fi
echo "fuzz/run.sh: no crashes"
