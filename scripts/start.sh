#!/usr/bin/env bash
# One command for a single-machine install: dependencies, build, database (created if missing),
# migrations, then the API and the worker as two processes. Settings come from the environment
# (see README "Configuration"); the defaults suit a developer machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies…"
  bash scripts/install-deps.sh
fi
echo "Building…"
npx nest build
bash scripts/build-web.sh
# The API and the worker each check the settings, create the database if missing and apply migrations (under a lock).
exec node dist/src/start-all.js
