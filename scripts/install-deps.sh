#!/usr/bin/env bash
# Installs the locked dependencies. Some npm 11 versions leave other platforms' optional packages
# (native builds of @swc/core, msgpackr-extract…) out of package-lock.json when the registry does not
# describe them, and `npm ci` then refuses the lock file; `npm install` with the same lock and
# --no-save installs the same versions without rewriting it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! npm ci --no-audit --no-fund; then
  echo "npm ci refused the lock file; installing the same locked versions with npm install --no-save" >&2
  npm install --no-audit --no-fund --no-save
fi
