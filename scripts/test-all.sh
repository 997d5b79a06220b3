#!/usr/bin/env bash
# One command for the whole suite on a fresh machine: install what is missing, then test.
# Arguments go to `npm test` (e.g. --skip-e2e, --only unit).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
npm test -- "$@"
