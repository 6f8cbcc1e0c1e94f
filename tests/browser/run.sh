#!/usr/bin/env bash
# Runs the browser tests (run.mjs) in a build-folder copy of tests/browser, installing the pinned
# npm packages there with `npm ci` when missing. Exits 77 (CTest SKIP_RETURN_CODE) only when
# chromium is not installed and cannot be.
# usage: run.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1
work=$2
here="$src/tests/browser"
chromium_bin=${DATELINE_CHROMIUM:-$(command -v chromium || true)}

if [[ -z "$chromium_bin" ]]; then
  # scripts/setup.sh --test installs it from scripts/test-packages.txt; try once more as root.
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || true
    chromium_bin=$(command -v chromium || true)
  fi
  if [[ -z "$chromium_bin" ]]; then
    echo "SKIP: chromium is not installed and could not be installed (apt-get install chromium); browser tests not run"
    exit 77
  fi
fi
if command -v node >/dev/null && ! command -v npm >/dev/null && [[ $(id -u) -eq 0 ]]; then
  # Debian's nodejs comes without npm (NodeSource's bundles it and conflicts with the package).
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null 2>&1 || true
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "FAIL: node and npm are needed for the browser tests (Debian packages nodejs and npm)" >&2
  exit 1
fi

mkdir -p "$work"
# The copy is refreshed each run; node_modules is kept while the lock file is unchanged.
if [[ ! -d "$work/node_modules" ]] || ! cmp -s "$here/package-lock.json" "$work/package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$work/pages"
cp -r "$here/pages" "$work/pages"
cp "$here/run.mjs" "$work/run.mjs"
cd "$work"
exec node run.mjs --golden "$src/tests/golden/exporters" --out "$work/out" --chromium "$chromium_bin"
