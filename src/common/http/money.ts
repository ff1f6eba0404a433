/**
 * Amounts are integer cents, and leave the API as JSON integers (exact up to 2^53 − 1, i.e. 90 trillion
 * euros). PostgreSQL `bigint` columns and sums reach Node as decimal strings (the driver keeps them
 * exact); `centsAsNumbers` turns them into numbers at the edge, for every field named `…Cents`.
 */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** `YYYY-MM-DD`, a calendar day (no time, no zone). */
export const CALENDAR_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const INTEGER_STRING = /^-?\d{1,16}$/;

/**
 * A copy of a response body where every `…Cents` field holding an integer string holds the number
 * instead (at any depth, arrays included). Anything else is left as is; an amount beyond 2^53 − 1,
 * which no count of chèques can reach, stays a string rather than lose its last digits.
 */
export function centsAsNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(centsAsNumbers);
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = typeof field === 'string' && key.endsWith('Cents') ? toCents(field) : centsAsNumbers(field);
  }
  return copy;
}

function toCents(text: string): number | string {
  if (!INTEGER_STRING.test(text)) return text;
  const cents = Number(text);
  return Number.isSafeInteger(cents) ? cents : text;
}
