#!/usr/bin/env bash
# Writes the bad-input suite's files into OUT (a build folder: the big ones are never committed).
# usage: make_inputs.sh OUT
# Each file is one kind of damage scrapers deliver; docs/bad-input.md says what dateline does with it.
set -euo pipefail
out=$1
rm -rf "$out" && mkdir -p "$out"
cd "$out"

good='Azerbaijani and Armenian forces clashed near Lachin on Tuesday, the defence ministry said.'

# The good article that goes beside every bad one: it must still be read and stored.
printf '%s\n' "$good" > good.txt
printf '{"id": "good-1", "published": "2023-02-23", "text": "%s"}\n' "$good" > good.jsonl

: > empty.txt
printf '  \n\t\n   \r\n' > whitespace.txt
# Invalid UTF-8: an overlong "/" (C0 AF), a UTF-16 surrogate encoded in UTF-8 (ED A0 80),
# a sequence cut off at the end of the file (E2 82), a lone continuation byte (80).
printf 'Troops crossed on \xc0\xaf Monday.\n' > overlong.txt
printf 'Troops crossed on \xed\xa0\x80 Monday.\n' > surrogate.txt
printf 'Troops crossed on Monday \xe2\x82' > truncated.txt
printf 'Troops \x80 crossed.\n' > continuation.txt
# UTF-16 little-endian with its byte-order mark, as Windows tools save "Unicode" text.
printf '\xff\xfe' > utf16.txt
printf '%s\n' "$good" | iconv -f UTF-8 -t UTF-16LE >> utf16.txt
printf 'Troops crossed\x00 on Monday.\n' > nul.txt
printf '\x7fELF\x02\x01\x01\x00\x00\x00binary' > binary.txt

# JSON Lines: one bad line of each kind between good ones; every good line is stored.
{
  printf '{"id": "ok-1", "published": "2023-02-20", "text": "Russia urged both sides on Monday to resume talks."}\n'
  printf '{"id": "trunc", "text": "unterminated\n'
  printf '{"id": "num", "text": 42}\n'
  printf '{"id": "arr", "text": ["a", "b"]}\n'
  printf '{"id": "obj", "text": {"body": "x"}}\n'
  printf '{"id": "null", "text": null}\n'
  printf '{"id": "notext"}\n'
  printf '[1, 2, 3]\n'
  printf '"just a string"\n'
  printf '{"id": "nul", "text": "a\\u0000b"}\n'
  printf '{"id": "lone", "text": "a\\ud800b"}\n'
  printf '{"id": "raw", "text": "bad \xc0\xaf byte"}\n'
  printf '{"id": "empty", "text": "   "}\n'
  printf '{"id": "ok-2", "published": "2023-02-21", "text": "The European Union called on Tuesday for the corridor to reopen."}\n'
} > badlines.jsonl

# 10,000 levels of nesting in one JSON line (a recursive parser or destructor overflows the stack).
python3 - <<'PY'
deep = "[" * 10000 + "]" * 10000
objs = '{"a":' * 10000 + "1" + "}" * 10000
with open("nested.jsonl", "w") as f:
    f.write('{"id": "deep-array", "text": "x", "extra": %s}\n' % deep)
    f.write('{"id": "deep-object", "text": %s}\n' % objs)
    f.write(deep + "\n")
    f.write('{"id": "ok-nested", "published": "2023-02-22", "text": "Azerbaijan and Armenia signed a ceasefire on 10 November 2020."}\n')
PY

# Publication dates that are not days: the article is read without one, with a warning.
{
  printf '{"id": "pub-zero", "published": "0000-00-00", "text": "Talks resumed in Brussels on Monday."}\n'
  printf '{"id": "pub-feb30", "published": "2023-02-30", "text": "Talks resumed in Moscow on Monday."}\n'
  printf '{"id": "pub-y5", "published": "99999-01-01", "text": "Talks resumed in Washington on Monday."}\n'
  printf '{"id": "ok-dates", "published": "2023-02-23", "text": "Azerbaijan and Armenia signed a ceasefire on 10 November 2020."}\n'
} > bad-published.jsonl

# Real days at the edges of the calendar (1400-01-01 and 9999-12-31 bound Boost's dates), and
# dates in the text that are no days or lie outside it: every article is read and stored.
{
  printf '{"id": "pub-max", "published": "9999-12-31", "text": "Talks resume tomorrow, next week and next year; the deal ends in 10 years."}\n'
  printf '{"id": "pub-min", "published": "1400-01-01", "text": "Talks resumed yesterday, last week and a year ago; in the 1390s they had not."}\n'
  printf '{"id": "old-years", "published": "2023-02-23", "text": "The city fell in 1300, was rebuilt in the 13th century and again in the 1390s."}\n'
  printf '{"id": "text-dates", "published": "2023-02-23", "text": "Nothing happened on 0000-00-00, on 30 February 2023, on 9999-12-31, in the year 99999, on 31/12/9999 or on 00/00/0000."}\n'
  printf '{"id": "ok-dates", "published": "2023-02-23", "text": "Azerbaijan and Armenia signed a ceasefire on 10 November 2020."}\n'
} > calendar-edges.jsonl

# HTML with scripts, an unclosed comment and a page with no text.
printf '<html><body><script>alert("Russia attacked on Monday")</script><p>Troops withdrew on Monday.</p><!-- never closed' > script.html
printf '<html><head><title></title></head><body><nav>Home</nav></body></html>' > notext.html

# TimeML that is not well-formed.
printf '<?xml version="1.0"?>\n<TimeML><DOCID>x</DOCID><TEXT>Troops <TIMEX3 tid="t1">withdrew</TEXT>\n' > broken.tml

# TimeML with an invalid UTF-8 byte inside <TEXT>.
printf '<?xml version="1.0"?>\n<TimeML><DOCID>u</DOCID><TEXT>Troops \xea* withdrew on Monday.</TEXT></TimeML>\n' > bad-utf8.tml

# A directory: good files, an unreadable one, a file that is a dangling link, an empty one.
mkdir -p dir/sub
cp good.txt dir/a-good.txt
cp good.jsonl dir/sub/b-good.jsonl
printf 'Secret text on Monday.\n' > dir/c-unreadable.txt
chmod 000 dir/c-unreadable.txt
ln -s does-not-exist.txt dir/d-dangling.txt
: > dir/e-empty.txt
chmod -R a+rX dir/sub dir/a-good.txt

# Databases: a text file, a corrupt one, and (made by the test once ingested) one from a newer schema.
printf 'this is not a database, just text\n' > not-sqlite.db
# A file that starts like SQLite but whose pages are garbage (a copy cut short, a disk error).
{ printf 'SQLite format 3\000'; head -c 8176 /dev/zero | tr '\000' 'x'; } > corrupt.db

# Big inputs last: a 200 MB single line (read as JSON Lines and as plain text), generated, never committed.
if [ "${DATELINE_BADINPUT_BIG:-1}" = 1 ]; then
  python3 - <<'PY'
chunk = "Azerbaijan and Armenia clashed near Lachin on 12 December 2022, officials said. " * 1000
n = 200 * 1024 * 1024 // len(chunk) + 1
with open("huge-line.jsonl", "w") as f:
    f.write('{"id": "huge", "text": "')
    for _ in range(n): f.write(chunk)
    f.write('"}\n')
    f.write('{"id": "after-huge", "published": "2023-02-23", "text": "Azerbaijan and Armenia signed a ceasefire on 10 November 2020."}\n')
PY
fi
echo "bad inputs written to $out"
