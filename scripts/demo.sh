#!/usr/bin/env bash
# One command for the demo on a fresh machine: install what is missing, build, start.
# Arguments go to `npm start` (e.g. --headless, --sim-port 9090).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
npm run build
npm start -- "$@"
