#!/usr/bin/env bash
# `npm run bench`: installs the comparison packages (pinned in
# scripts/bench/package-lock.json) when missing, generates the SDK when
# generated/ is missing, then runs every benchmark. Always exits 0: the
# benchmarks report, and missed targets or missing tools show in the table.
set -uo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f scripts/bench/node_modules/.package-lock.json ||
      scripts/bench/package-lock.json -nt scripts/bench/node_modules/.package-lock.json ]]; then
  npm ci --prefix scripts/bench --no-audit --no-fund ||
    echo "bench: npm ci in scripts/bench failed; the comparisons will show as n/a" >&2
fi
if [[ ! -f generated/package.json || ! -d generated/dist ]]; then
  npm run --silent generate || echo "bench: npm run generate failed; our rows will show as n/a" >&2
fi
npx tsx scripts/bench/main.ts || echo "bench: the bench runner itself failed" >&2
exit 0
