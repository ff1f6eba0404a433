#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser): stop with one sentence if it is missing.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "The browser tests need Chromium at $CHROMIUM_PATH: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH)." >&2
  exit 1
fi
# Its French language pack: the journeys run the browser in French (see test/browser/support/chromium.ts).
if [ "$CHROMIUM_PATH" = /usr/bin/chromium ] && [ ! -f /usr/lib/chromium/locales/fr.pak ]; then
  echo "Chromium has no French language pack: date fields show mm/dd/yyyy in the screenshots (\`apt-get install chromium-l10n\`)." >&2
fi
