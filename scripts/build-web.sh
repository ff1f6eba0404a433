#!/usr/bin/env bash
# Builds the web application into web/dist (served by the API process, see src/web/web-app.ts).
# DSFR's CSS, fonts and icons are copied from node_modules into web/public/dsfr, keeping only the icons
# the code uses: everything is served from our own origin, nothing from a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
npx copy-dsfr-to-public --projectDir web
npx only-include-used-icons --projectDir web --silent
npx tsc -p web/tsconfig.json
npx vite build web --logLevel warn
