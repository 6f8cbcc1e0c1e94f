#!/usr/bin/env bash
# Installs what dateline needs to build (and, with --test, to run every test) on Debian.
# Idempotent: installs only packages that are missing; quiet when nothing is.
set -euo pipefail

build_pkgs=(g++ cmake ninja-build pkg-config libboost-date-time-dev libsqlite3-dev
            nlohmann-json3-dev libfmt-dev libcli11-dev libgumbo-dev)
test_pkgs=(doctest-dev python3 sqlite3)
want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${test_pkgs[@]}")
  # Extra packages the test suite needs (browser tests, fuzzing, ...) are listed
  # one per line in scripts/test-packages.txt.
  if [[ -f "$(dirname "$0")/test-packages.txt" ]]; then
    while read -r p; do [[ -n "$p" && "$p" != \#* ]] && want+=("$p"); done < "$(dirname "$0")/test-packages.txt"
  fi
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
