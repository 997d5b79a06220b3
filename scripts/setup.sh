#!/usr/bin/env bash
# Prepares a fresh Debian machine (or a developer's) to build, test and demo the extension.
# Idempotent: every step is skipped when its result is already there.
#   - Debian's chromium and firefox-esr (the e2e tests and the demo drive them)
#   - node_modules from package-lock.json (which also brings Node 22 as a devDependency)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }

# --- browsers -------------------------------------------------------------------------------
# Binary path -> Debian package.
declare -A BROWSERS=([/usr/bin/chromium]=chromium [/usr/bin/firefox-esr]=firefox-esr)
missing=()
for bin in "${!BROWSERS[@]}"; do
  [[ -x "$bin" ]] || missing+=("${BROWSERS[$bin]}")
done

if ((${#missing[@]} == 0)); then
  say "browsers present: $(/usr/bin/chromium --version 2>/dev/null | head -n1); $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1)"
else
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo_cmd=(sudo)
    else
      sudo_cmd=(none)
    fi
  fi
  if [[ "${sudo_cmd[*]}" == none ]]; then
    say "MISSING browsers: ${missing[*]} (needed by the e2e tests and the demo)."
    say "Not root and no password-less sudo, so install them yourself:"
    say "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  elif ! command -v apt-get >/dev/null 2>&1; then
    say "MISSING browsers: ${missing[*]}; this is not a Debian/apt machine, install them by hand"
    say "  (the tests expect /usr/bin/chromium and /usr/bin/firefox-esr)."
  else
    say "installing ${missing[*]} with apt-get (about 2 minutes the first time)"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
fi

# --- npm ------------------------------------------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  say "npm not found. Install Node.js 20+ with npm 11+ (npm brings Node 22 for the project itself)."
  exit 1
fi
npm_version=$(npm --version 2>/dev/null | tail -n1)
if ((${npm_version%%.*} < 11)); then
  say "npm ${npm_version} is too old: npm 10 cannot install Vite 8's native binding."
  say "Upgrade it first:  npm install -g npm@11   (then re-run this script)"
  exit 1
fi

# node_modules is stale when npm's own record of the last install is missing or older than
# the lockfile, or when the Node 22 binary or WXT's generated .wxt/ is missing.
needs_install=false
if [[ ! -d node_modules ]]; then
  needs_install=true
elif [[ ! -f node_modules/.package-lock.json || ! -x node_modules/.bin/node ]]; then
  needs_install=true
elif [[ -f package-lock.json && package-lock.json -nt node_modules/.package-lock.json ]]; then
  needs_install=true
fi

if $needs_install; then
  if [[ -f package-lock.json ]]; then
    say "npm ci (node_modules missing or older than package-lock.json)"
    # npm ci refuses a lockfile that lacks optional platform packages the registry mirror
    # does not carry (e.g. @unrs/resolver-binding-android-*); npm install still installs
    # exactly the locked versions in that case.
    if ! npm ci --no-audit --no-fund; then
      say "npm ci failed; falling back to npm install (same lockfile)"
      npm install --no-audit --no-fund
    fi
  else
    say "npm install (no package-lock.json)"
    npm install --no-audit --no-fund
  fi
elif [[ ! -f .wxt/tsconfig.json ]]; then
  say "wxt prepare (.wxt/ missing)"
  npx wxt prepare
else
  say "node_modules up to date"
fi

say "Node for the project: $(npx node --version)"
