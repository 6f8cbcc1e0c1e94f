# extract --jobs: N threads write exactly what one thread writes (stdout byte for byte, same exit code).
set(_perf ${PROJECT_SOURCE_DIR}/tests/golden/perf)

# perf_same_output(<name> <input> [extra args...]): runs `extract <input> <extra> -j 1`, then
# -j 2 and -j 3, and compares stdout and exit codes; the -j 1 output must not be empty.
function(perf_same_output name input)
  set(_dir ${CMAKE_CURRENT_BINARY_DIR}/golden-out/perf.${name})
  add_test(NAME perf.${name}
    COMMAND sh -c [=[
      bin=$1; dir=$2; input=$3; shift 3
      mkdir -p "$dir" || exit 2
      "$bin" extract "$input" "$@" -j 1 > "$dir/j1" 2> "$dir/j1.err"; rc1=$?
      [ -s "$dir/j1" ] || { echo "-j 1 wrote nothing (exit $rc1):"; cat "$dir/j1.err"; exit 1; }
      for n in 2 3; do
        "$bin" extract "$input" "$@" -j $n > "$dir/j$n" 2> "$dir/j$n.err"; rc=$?
        [ "$rc" = "$rc1" ] || { echo "-j $n exits $rc, -j 1 exits $rc1"; cat "$dir/j$n.err"; exit 1; }
        cmp "$dir/j1" "$dir/j$n" || { diff "$dir/j1" "$dir/j$n" | head -20; exit 1; }
      done
    ]=] sh $<TARGET_FILE:dateline_cli> ${_dir} ${input} ${ARGN})
endfunction()

perf_same_output(jobs_sample_jsonl ${PROJECT_SOURCE_DIR}/data/samples/lachin-corridor.jsonl)
perf_same_output(jobs_sample_table ${PROJECT_SOURCE_DIR}/data/samples/lachin-corridor.txt --published 2023-02-23 --format table)
# 40 articles of 1 to 40 paragraphs (two long ones finish last), some without a date, one malformed line.
perf_same_output(jobs_articles_jsonl ${_perf}/articles.jsonl)
perf_same_output(jobs_articles_json ${_perf}/articles.jsonl --format json)
# The same articles twice over, from two inputs: order holds across files too.
perf_same_output(jobs_two_inputs ${_perf}/articles.jsonl ${PROJECT_SOURCE_DIR}/data/samples/lachin-corridor.jsonl --published 2023-01-01)
# Six times over (~470 KB): more batches of ~32 KB than -j 2 and -j 3 keep in flight, so the
# calling thread waits on a full window and batches finish out of order.
perf_same_output(jobs_many_batches ${_perf}/articles.jsonl ${_perf}/articles.jsonl ${_perf}/articles.jsonl
                 ${_perf}/articles.jsonl ${_perf}/articles.jsonl ${_perf}/articles.jsonl)
golden(NAME perf.jobs_zero ARGS extract data/samples/lachin-corridor.jsonl -j 0 EXIT 1 STDERR_CONTAINS "jobs")
