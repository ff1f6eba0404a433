#!/usr/bin/env bash
# All the tests: unit tests, then the e2e journeys against the real PostgreSQL and Redis named by
# DATABASE_URL and REDIS_URL (defaults: 127.0.0.1:5432 and 127.0.0.1:6379). Each e2e file gets its own
# database cloned from a migrated template, and its own Redis key prefix.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  bash scripts/install-deps.sh
fi
npx tsc -p tsconfig.json --noEmit
npx nest build
npx jest --ci "$@"
