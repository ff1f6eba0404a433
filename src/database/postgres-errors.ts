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

/** Node's socket errors: PostgreSQL is down, restarting, or out of reach. */
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), shut down or terminated
 * by an administrator (57P01, 57P02), starting up or recovering (57P03), out of connection slots (53300),
 * or a session it ended for idling inside a transaction (25P03, `idle_in_transaction_session_timeout`, set by
 * an operator or a pooler): in every case the transaction was rolled back and the request may be sent again.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '25P03']);
/** What `pg` throws, as plain errors without a code, when a connection dies or cannot be had in time. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/i,
  /is not queryable/,
  /^Connection refused/,
];

/**
 * True when an error says PostgreSQL cannot be reached or cannot serve now (restart, failover, outage,
 * pool exhausted past its connection timeout), as opposed to a statement it refused: the request may be
 * answered 503 and tried again later. Looks through TypeORM's wrapper and any `cause`.
 */
export function isPostgresUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: socket errors may come from another realm (Node's internals under a test runner).
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (UNREACHABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || (current instanceof DatabaseError && code.startsWith('08')))
    ) {
      return true;
    }
    if (code === undefined && typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = current instanceof QueryFailedError ? current.driverError : (current as { cause?: unknown }).cause;
  }
  return false;
}
