#!/usr/bin/env bash
# The browser journeys only: Chromium drives the built web application served by the real API and
# worker (each test file starts its own, on a fresh database and Redis prefix). Arguments go to Jest,
# e.g. `npm run test:browser -- --testPathPatterns sessions`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/require-chromium.sh
if [ ! -f dist/src/start-all.js ] || [ -n "$(find src -newer dist/src/start-all.js -name '*.ts' -print -quit)" ]; then npx nest build; fi
if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html -newer web/dist/index.html -print -quit)" ]; then bash scripts/build-web.sh; fi
npx jest --ci --selectProjects browser "$@"
