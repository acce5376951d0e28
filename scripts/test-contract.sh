#!/usr/bin/env bash
# `npm run test:contract`: only the contract suite. It starts Prism itself
# unless CONTRACT_BASE_URL points at a mock that is already running.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f generated/openapi.json ]] || npm run --silent generate
npx vitest run --project contract "$@"
