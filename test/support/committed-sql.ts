import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * The statements a module composes in TypeScript, committed whole as a `.sql` file so that a reviewer
 * reads (and can `EXPLAIN`) exactly what runs. The test fails when the code and the file differ;
 * `UPDATE_COMMITTED_SQL=1` rewrites the file from the code instead (then review the diff).
 */
export function expectCommittedSql(file: string, source: string, statements: readonly { name: string; sql: string }[]): void {
  const path = join(ROOT, file);
  const rendered = [
    `-- Generated from ${source}, do not edit: the statements as the code composes them, whole.`,
    `-- ${relative(ROOT, join(__dirname, 'committed-sql.ts'))} checks it; UPDATE_COMMITTED_SQL=1 npx jest --selectProjects unit --testPathPatterns ${file.replace(/\.sql$/, '')} rewrites it.`,
    ...statements.map(({ name, sql }) => `\n-- ${name}\n${sql.trim()};`),
    '',
  ].join('\n');
  if (process.env.UPDATE_COMMITTED_SQL === '1') writeFileSync(path, rendered);
  expect(readFileSync(path, 'utf8')).toBe(rendered);
}
