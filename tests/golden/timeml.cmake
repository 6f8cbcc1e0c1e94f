# TimeML in and out (`dateline annotate`) and the TempEval-3 scorer (`dateline eval`).
set(_tml tests/golden/timeml)
golden(NAME annotate.help ARGS annotate --help EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/annotate-help.txt)
golden(NAME annotate.tml ARGS annotate ${_tml}/lachin.tml --format timeml EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/lachin.tml)
# (run_golden.cmake's @WORKDIR@ is expanded by CMake itself in a -P script, policy CMP0053 OLD: name the folder outright.)
set(_out ${CMAKE_CURRENT_BINARY_DIR}/golden-out/annotate.te3_dir/out)
golden(NAME annotate.te3_dir ARGS annotate ${_tml}/te3 -o ${_out} OUTPUT_FILE ${_out}/wire/ceasefire.tml EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/ceasefire.tml)
golden(NAME annotate.dir_needs_output ARGS annotate ${_tml}/te3 EXIT 1 STDERR_CONTAINS "give an output directory with -o DIR")
golden(NAME annotate.malformed ARGS annotate ${_tml}/malformed.tml EXIT 1 STDERR_CONTAINS "malformed.tml:3: malformed TimeML: </EVENT> closes <TIMEX3>")
golden(NAME eval.help ARGS eval --help EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/eval-help.txt)
golden(NAME eval.table ARGS eval ${_tml}/eval/gold ${_tml}/eval/system EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/eval.txt)
golden(NAME eval.errors ARGS eval ${_tml}/eval/gold ${_tml}/eval/system --errors EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/eval-errors.txt)
golden(NAME eval.json ARGS eval ${_tml}/eval/gold ${_tml}/eval/system --json EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/eval.json)
golden(NAME eval.gold_against_itself ARGS eval ${_tml}/eval/gold ${_tml}/eval/gold EXPECTED ${PROJECT_SOURCE_DIR}/${_tml}/expected/eval-self.txt)
golden(NAME eval.missing_system_file ARGS eval ${_tml}/eval/gold ${_tml}/te3 EXIT 1 STDERR_CONTAINS "news/a.tml: missing: its gold timexes count as misses")
# Issue 3's floor on the TempEval-3 data (TimeBank + AQUAINT, 1,822 gold timexes) in ../shared: skipped when absent.
add_test(NAME eval.tempeval3_value_f1
  COMMAND sh ${PROJECT_SOURCE_DIR}/${_tml}/eval_threshold.sh $<TARGET_FILE:dateline_cli> ${PROJECT_SOURCE_DIR}/../shared/eval/timeml 80)
set_tests_properties(eval.tempeval3_value_f1 PROPERTIES SKIP_RETURN_CODE 77)
