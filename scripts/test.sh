#!/usr/bin/env bash
# `npm test`: type-check and lint the project first (cheap, and a failure there
# says more than a failing suite), regenerate the SDK from the pinned spec (the
# tests check what the generator makes now, never a stale build), then run
# every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck
npm run --silent lint
npm run --silent generate
npx vitest run "$@"
