import type { FieldProblem } from '../errors/validation-failed.error';

/**
 * Text PostgreSQL cannot store: the NUL character (refused in `text` and `jsonb`) and UTF-16 surrogates
 * without their pair (they have no UTF-8 encoding). JSON and query strings can carry both (`\u0000`,
 * `\ud800`, `%00`); refused at the edge, they never reach a validator, a query or an audit row.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Every string in `value` (object keys included) that PostgreSQL could not store, by field path.
 * Recursion is bounded by the JSON parser's depth limit; query and path values are flat.
 */
export function unstorableTextProblems(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    return isStorableText(value)
      ? []
      : [
          {
            field: path || 'value',
            problems: [`${path || 'value'} contains a character that cannot be stored (NUL or an unpaired surrogate)`],
          },
        ];
  }
  if (value === null || typeof value !== 'object') return [];
  const problems: FieldProblem[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => problems.push(...unstorableTextProblems(item, join(path, String(index)))));
    return problems;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) {
      problems.push({
        field: path || 'value',
        problems: [`${path || 'value'} has a property name that cannot be stored (NUL or an unpaired surrogate)`],
      });
      continue;
    }
    problems.push(...unstorableTextProblems(item, join(path, key)));
  }
  return problems;
}

export function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}
