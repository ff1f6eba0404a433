#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded browser): stop with one sentence if it is missing.
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "The browser tests need Chromium at $CHROMIUM_PATH: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH)." >&2
  exit 1
fi
