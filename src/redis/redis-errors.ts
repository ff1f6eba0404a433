/**
 * True when an ioredis command failed because Redis cannot be reached (its retries exhausted while
 * reconnecting, or the connection closed), not because Redis refused the command.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'MaxRetriesPerRequestError' || message === 'Connection is closed.';
}
