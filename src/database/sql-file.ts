import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A statement committed as a `.sql` file beside the code that runs it, so that a reviewer reads (and can
 * `EXPLAIN`) exactly what runs. Read once, when the module loads; `nest build` copies the files to
 * `dist/` (nest-cli.json, `assets`).
 */
export function sqlFile(directory: string, name: string): string {
  return readFileSync(join(directory, name), 'utf8');
}
