# Exporter checks beyond the unit tests: the native JSON against its schema, and the browser tests.
# (The byte-for-byte golden files of every exporter are compared by the unit test
# "every exporter writes exactly its golden file for the fixed timeline".)

# Debian's python3 carries python3-jsonschema (scripts/test-packages.txt); a pyenv or venv
# python first on PATH may not, so look in /usr/bin first.
find_program(DATELINE_SCHEMA_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT DATELINE_SCHEMA_PYTHON)
  find_program(DATELINE_SCHEMA_PYTHON NAMES python3)
endif()
set(_exp ${PROJECT_SOURCE_DIR}/tests/golden/exporters)
add_test(NAME exporters.schema.native_json
  COMMAND ${DATELINE_SCHEMA_PYTHON} ${_exp}/validate_schema.py ${PROJECT_SOURCE_DIR}/docs/event.schema.json
          ${_exp}/timeline.json ${_exp}/expected/json.json)
# What `extract --format jsonl` writes on the sample is the same record, one per line.
add_test(NAME exporters.schema.extract_jsonl
  COMMAND sh -c "\"$1\" extract \"$2/data/samples/lachin-corridor.jsonl\" --format jsonl > \"$3/extract.jsonl\" && \"$4\" \"$5\" \"$2/docs/event.schema.json\" \"$3/extract.jsonl\""
          sh $<TARGET_FILE:dateline_cli> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}
          ${DATELINE_SCHEMA_PYTHON} ${_exp}/validate_schema.py)

# TimelineJS3, vis-timeline and our html page in headless chromium (tests/browser/run.mjs).
add_test(NAME exporters.browser
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/browser/run.sh ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/browser)
set_tests_properties(exporters.browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600 RUN_SERIAL TRUE)
