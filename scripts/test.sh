#!/usr/bin/env bash
# `npm test`: regenerate the SDK from the pinned spec (the tests check what the
# generator makes now, never a stale build), then run every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent generate
npx vitest run "$@"
