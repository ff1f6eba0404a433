/**
 * Amounts in cents arrive as JSON integers (exact up to 2^53 − 1, i.e. 90 trillion euros) and are
 * stored in `bigint` columns; responses give `bigint` amounts as decimal strings so that no client
 * parses them into a float.
 */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** `YYYY-MM-DD`, a calendar day (no time, no zone). */
export const CALENDAR_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
