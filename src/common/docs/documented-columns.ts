import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Column names as a document of `docs/` lists them: the first cell of each row of the `| Column | … |`
 * table that follows `heading`, names separated by ", ". Used by tests that hold the docs and the
 * files' headers to one spelling.
 */
export function documentedColumns(document: string, heading: string): string[] {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'docs', document), 'utf8');
  const start = text.indexOf(`\n${heading}`);
  if (start < 0) throw new Error(`No heading "${heading}" in docs/${document}`);
  const lines = text
    .slice(start + 1)
    .split('\n')
    .slice(1);
  const tableStart = lines.findIndex((line) => line.startsWith('| Column |'));
  if (tableStart < 0) throw new Error(`No "| Column |" table under "${heading}" in docs/${document}`);
  const names: string[] = [];
  for (const line of lines.slice(tableStart + 2)) {
    if (!line.startsWith('|')) break;
    names.push(...line.split('|')[1].trim().split(', '));
  }
  return names;
}
