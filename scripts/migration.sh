#!/usr/bin/env bash
# npm run migration:generate -- <CamelCaseName> | migration:run | migration:revert
# Works on the compiled code, so entities and migrations are exactly what the service runs.
set -euo pipefail
cd "$(dirname "$0")/.."
action="$1"; shift || true
npx nest build >/dev/null
data_source=dist/src/database/cli-data-source.js
case "$action" in
  generate)
    name="${1:?usage: npm run migration:generate -- <CamelCaseName>}"
    npx typeorm migration:generate --pretty -d "$data_source" "migrations/$name"
    file=$(ls -t migrations/*-"$name".ts | head -n 1)
    class=$(grep -oE 'export class [A-Za-z0-9_]+' "$file" | awk '{print $3}')
    module=$(basename "$file" .ts)
    node scripts/register-migration.js "$module" "$class"
    echo "Review $file (add CHECK constraints, comments) before committing; it is registered in migrations/index.ts."
    ;;
  run) npx typeorm migration:run -d "$data_source" ;;
  revert) npx typeorm migration:revert -d "$data_source" ;;
  *) echo "usage: migration.sh generate <Name> | run | revert" >&2; exit 2 ;;
esac
