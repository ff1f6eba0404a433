import { Logger } from '@nestjs/common';
import { RepeatedFailureLog } from '../common/logging/repeated-failure-log';

const failures = new RepeatedFailureLog(new Logger('PostgreSQL'));

/**
 * The `'error'` listener every `pg` pool must have. PostgreSQL closes idle connections when it restarts,
 * fails over, times them out or is told to (`pg_terminate_backend`); the pool then emits `'error'` for
 * the dead connection and drops it, and without a listener Node turns that event into a crash of the
 * whole process. Nothing is lost: the connection was idle, and the pool opens a new one when needed.
 */
export function onIdleConnectionError(pool: string): (error: Error) => void {
  return (error) => {
    const code = (error as { code?: string }).code;
    failures.report(
      `${pool}:${code ?? error.message}`,
      `PostgreSQL closed an idle connection of the ${pool} pool (${code ? `${code}: ` : ''}${error.message}); a new one is opened when needed`,
    );
  };
}
