# Bad input (issue 8): each damaged input gets one line on stderr naming the file, line or article and
# the reason, a documented exit code (docs/bad-input.md), and the good input beside it is still stored.
# The inputs are written at test time into the build folder (the 200 MB one is never committed).
set(_bad ${CMAKE_CURRENT_BINARY_DIR}/badinput-files)
set(_bout ${CMAKE_CURRENT_BINARY_DIR}/golden-out)
set(_bscripts ${PROJECT_SOURCE_DIR}/tests/badinput)
add_test(NAME badinput.make_inputs COMMAND bash ${_bscripts}/make_inputs.sh ${_bad})
set_tests_properties(badinput.make_inputs PROPERTIES FIXTURES_SETUP badinput_files)
set(_badinput_tests "")

# bad_beside_good(<name> <file> <stderr regex>): ingest FILE and a good article; exit 1, FILE named, the good one stored.
function(bad_beside_good name file pattern)
  golden(NAME badinput.${name} ARGS ingest ${_bad}/${file} ${_bad}/good.txt --db ${_bout}/badinput.${name}/s.db
         EXIT 1 STDERR_CONTAINS "${file}: ${pattern}.*ingested 1 article .*1 new")
  set(_badinput_tests ${_badinput_tests} golden.badinput.${name} PARENT_SCOPE)
endfunction()
bad_beside_good(empty_file empty.txt "file is empty")
bad_beside_good(only_whitespace whitespace.txt "article text is empty")
bad_beside_good(utf8_overlong overlong.txt "invalid UTF-8 at byte 18")
bad_beside_good(utf8_surrogate surrogate.txt "invalid UTF-8 at byte 18")
bad_beside_good(utf8_truncated truncated.txt "invalid UTF-8 at byte 25")
bad_beside_good(utf8_lone_continuation continuation.txt "invalid UTF-8 at byte 7")
bad_beside_good(utf16_with_bom utf16.txt "text is UTF-16; convert it to UTF-8 first")
bad_beside_good(nul_bytes nul.txt "text contains NUL bytes")
bad_beside_good(binary_file binary.txt "text contains NUL bytes")
bad_beside_good(timeml_invalid_utf8 bad-utf8.tml "invalid UTF-8 at byte 59")
bad_beside_good(html_without_text notext.html "no article text found in the page")
golden(NAME badinput.timeml_malformed ARGS ingest ${_bad}/broken.tml ${_bad}/good.txt --db ${_bout}/badinput.timeml_malformed/s.db
       EXIT 1 STDERR_CONTAINS "broken.tml:2: malformed TimeML: <TIMEX3> is not closed before </TEXT>.*ingested 1 article .*1 new")
list(APPEND _badinput_tests golden.badinput.timeml_malformed)
# A small --max-article-bytes: the limit's message and the skip, without a big file.
golden(NAME badinput.max_article_bytes ARGS ingest ${_bad}/good.jsonl ${_bad}/script.html --max-article-bytes 100 --db ${_bout}/badinput.max_article_bytes/s.db
       EXIT 1 STDERR_CONTAINS "script.html: page is 113 bytes, over the limit of 100.*ingested 1 article .*1 new")
# One bad JSON line of each kind between two good ones: each named by its line (and id), both good ones stored.
golden(NAME badinput.jsonl_bad_lines ARGS ingest ${_bad}/badlines.jsonl --db ${_bout}/badinput.jsonl_bad_lines/s.db EXIT 1 STDERR_CONTAINS
  "badlines.jsonl:2: malformed JSON .*missing closing quote.*:3: \"text\" is not a string.*:4: \"text\" is not a string.*:5: \"text\" is not a string.*:6: \"text\" is not a string.*:7: no \"text\" field.*:8: expected a JSON object.*:9: expected a JSON object.*:10 \\(nul\\): text contains NUL bytes.*:11: malformed JSON .*surrogate.*:12: malformed JSON .*ill-formed UTF-8.*:13 \\(empty\\): article text is empty.*ingested 2 articles .*2 new")
# 10,000 levels of nesting: no stack overflow; the nested "text" is refused, the rest stored.
golden(NAME badinput.jsonl_nested_10000 ARGS ingest ${_bad}/nested.jsonl --db ${_bout}/badinput.jsonl_nested_10000/s.db EXIT 1 STDERR_CONTAINS
  "nested.jsonl:2: \"text\" is not a string.*nested.jsonl:3: expected a JSON object.*ingested 2 articles .*2 new")
# "published" that is no day: a warning naming line and value; the article is stored undated.
golden(NAME badinput.jsonl_bad_published ARGS ingest ${_bad}/bad-published.jsonl --db ${_bout}/badinput.jsonl_bad_published/s.db EXIT 1 STDERR_CONTAINS
  "bad-published.jsonl:1: \"published\" '0000-00-00' is not an ISO date.*:2: \"published\" '2023-02-30' is not.*:3: \"published\" '99999-01-01' is not.*ingested 4 articles .*4 new")
# Days at the calendar's edges as DCT, years before 1400 in the text, impossible dates in the text: all stored.
golden(NAME badinput.calendar_edges ARGS ingest ${_bad}/calendar-edges.jsonl --db ${_bout}/badinput.calendar_edges/s.db STDERR_CONTAINS "ingested 5 articles .*5 new")
golden(NAME badinput.dct_last_day ARGS extract - --published 9999-12-31 STDIN ${_bscripts}/relative-dates.txt)
golden(NAME badinput.dct_first_day ARGS extract - --published 1400-01-01 STDIN ${_bscripts}/relative-dates.txt)
# A --published that is not a day is a usage error before anything is read or created.
foreach(value 2023-13-01 yesterday 0000-00-00 99999-01-01 23-02-2023 2023-02-23x)
  golden(NAME badinput.published_option_${value} ARGS ingest ${_bad}/good.txt --db ${_bout}/badinput.published_option_${value}/s.db --published ${value}
         EXIT 1 STDERR_CONTAINS "--published '${value}' is not a date; use YYYY-MM-DD")
  list(APPEND _badinput_tests golden.badinput.published_option_${value})
endforeach()
list(APPEND _badinput_tests golden.badinput.max_article_bytes golden.badinput.jsonl_bad_lines golden.badinput.jsonl_nested_10000
     golden.badinput.jsonl_bad_published golden.badinput.calendar_edges golden.badinput.dct_last_day golden.badinput.dct_first_day)

# Cases of several commands each (tests/badinput/cases.sh): giant input, a folder with unreadable
# files, SQL/FTS syntax in filters, and databases that are not SQLite, corrupt, read-only, newer, or cannot be created.
foreach(c huge_line huge_text huge_stdin directory hostile_filters not_sqlite corrupt newer_schema read_only read_only_export cannot_create)
  add_test(NAME badinput.${c} COMMAND bash ${_bscripts}/cases.sh $<TARGET_FILE:dateline_cli> ${_bad} ${CMAKE_CURRENT_BINARY_DIR}/badinput-work/${c} ${c})
  list(APPEND _badinput_tests badinput.${c})
endforeach()
set_tests_properties(${_badinput_tests} PROPERTIES FIXTURES_REQUIRED badinput_files)
# The three 200 MB cases read the same file: one at a time keeps the suite's memory and disk traffic low.
set_tests_properties(badinput.huge_line badinput.huge_text badinput.huge_stdin PROPERTIES RESOURCE_LOCK badinput_huge)

# kill -9 at 20 random moments of an ingest: consistent after each, and a rerun completes it.
add_test(NAME badinput.kill_loop COMMAND bash ${_bscripts}/kill_loop.sh $<TARGET_FILE:dateline_cli> ${CMAKE_CURRENT_BINARY_DIR}/badinput-work/kill_loop 20)
