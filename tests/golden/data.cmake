# Data files: the gazetteers must be valid and consistent across files.
add_test(NAME data.gazetteer COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/data/check_gazetteer.py ${PROJECT_SOURCE_DIR}/data/gazetteer)
