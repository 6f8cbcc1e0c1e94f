# Shared by the bad-input scripts: run a command, check its exit code, stderr and peak memory.
# (sourced; needs $work set)

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# measured [--stdin FILE] COMMAND...: runs it with stdout in $work/out, stderr in $work/err, its
# exit code in $rc and its peak resident memory (MB) in $rss_mb.
measured() {
  local stdin=/dev/null
  if [ "$1" = --stdin ]; then stdin=$2; shift 2; fi
  rc=0
  python3 -c '
import resource, subprocess, sys
with open(sys.argv[1], "rb") as i, open(sys.argv[2], "wb") as o, open(sys.argv[3], "wb") as e:
    rc = subprocess.run(sys.argv[5:], stdin=i, stdout=o, stderr=e).returncode
with open(sys.argv[4], "w") as r:
    r.write("%d\n" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
sys.exit(rc if rc >= 0 else 128 - rc)' "$stdin" "$work/out" "$work/err" "$work/rss" "$@" || rc=$?
  rss_mb=$(cat "$work/rss")
}

# expect CODE REGEX [--stdin FILE] COMMAND...: the command must exit with CODE and print a
# line matching REGEX on stderr (kept in $work/err for further checks); an empty REGEX checks nothing.
expect() {
  local code=$1 pattern=$2
  shift 2
  measured "$@"
  if [ "$rc" != "$code" ]; then
    fail "$*: exit $rc, expected $code; stderr: $(head -c 2000 "$work/err")"
  elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$work/err"; then
    fail "$*: stderr lacks /$pattern/: $(head -c 2000 "$work/err")"
  fi
}

# expect_memory MAX_MB: the last command's peak memory stayed under MAX_MB.
expect_memory() {
  echo "peak memory ${rss_mb} MB (limit $1 MB)"
  [ "$rss_mb" -lt "$1" ] || fail "peak memory ${rss_mb} MB, over $1 MB"
}

# Permission bits mean nothing to root: as root, commands prefixed with "${as_user[@]}" run as nobody.
as_user=()
if [ "$(id -u)" = 0 ]; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --); fi

# Number of rows of a table, read with Python's sqlite3 (the sqlite3 shell may be absent).
count_rows() {
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM " + sys.argv[2]).fetchone()[0])' "$1" "$2"
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
