import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/** The PostgreSQL error behind a TypeORM query failure or a raw `pg` call (COPY). */
function postgresError(error: unknown): DatabaseError | null {
  if (error instanceof QueryFailedError) return error.driverError instanceof DatabaseError ? error.driverError : null;
  return error instanceof DatabaseError ? error : null;
}

/**
 * True when PostgreSQL refused a row for a unique index (SQLSTATE 23505), optionally a given one:
 * the race that a check-then-insert cannot close is answered by the index, then turned into a 409 here.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = postgresError(error);
  return cause?.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}

/** The unique index a row was refused for (SQLSTATE 23505), or null when `error` is no unique violation. */
export function uniqueViolationConstraint(error: unknown): string | null {
  const cause = postgresError(error);
  return cause?.code === '23505' ? (cause.constraint ?? '') : null;
}

/** A deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may simply be retried. */
export function isConcurrencyFailure(error: unknown): boolean {
  const code = postgresError(error)?.code;
  return code === '40P01' || code === '40001';
}

/** A lock not obtained within `lock_timeout` (55P03): the transaction was rolled back, nothing written. */
export function isLockTimeout(error: unknown): boolean {
  return postgresError(error)?.code === '55P03';
}
