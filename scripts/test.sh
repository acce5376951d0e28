#!/usr/bin/env bash
# `npm test`: lint first (cheap, and a failure there says more than a failing
# suite), regenerate the SDK from the pinned spec (the tests check what the
# generator makes now, never a stale build, and some of them import it), then
# type-check the project against that build, then run every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent lint
npm run --silent generate
npm run --silent typecheck
npx vitest run "$@"
