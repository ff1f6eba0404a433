#!/usr/bin/env bash
# All the tests: unit tests, then the e2e journeys against the real PostgreSQL and Redis named by
# DATABASE_URL and REDIS_URL (defaults: 127.0.0.1:5432 and 127.0.0.1:6379). Each e2e file gets its own
# database cloned from a migrated template, and its own Redis key prefix. Last, the browser journeys in
# Chromium against the real server (scripts/test-browser.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/require-chromium.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  bash scripts/install-deps.sh
fi
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json
# Lint and format (eslint.config.mjs: no floating promises, no non-null assertions, domain boundaries).
npx eslint .
npx prettier --check . --log-level warn
npx nest build
bash scripts/build-web.sh
npx jest --ci --selectProjects unit e2e --testPathIgnorePatterns test/openapi-fuzz "$@"
# Alone, after the others: it times /health while hostile bodies arrive, which only means something when no
# other test file competes for the machine's cores.
npx jest --ci --selectProjects e2e --testPathPatterns test/openapi-fuzz
bash scripts/test-browser.sh
