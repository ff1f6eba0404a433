import { QueryFailedError } from 'typeorm';

/**
 * True when PostgreSQL refused a row for a unique index (SQLSTATE 23505), optionally a given one:
 * the race that a check-then-insert cannot close is answered by the index, then turned into a 409 here.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** A deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may simply be retried. */
export function isConcurrencyFailure(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string }).code;
  return code === '40P01' || code === '40001';
}
