import { Logger } from '@nestjs/common';
import { RepeatedFailureLog } from '../common/logging/repeated-failure-log';

const failures = new RepeatedFailureLog(new Logger('Redis'));
const KIND = 'redis';

/**
 * The `'error'` listener every Redis client of the process gets (the shared one, the pub/sub
 * subscriber, BullMQ's queues and workers). During an outage ioredis reports an error on every
 * reconnection attempt of every connection; without a listener each becomes a raw multi-line
 * "[ioredis] Unhandled error event" on stderr. Here the whole outage is one JSON line now and then,
 * with the number of errors in between; clients keep reconnecting by themselves.
 */
export function onRedisError(client: string): (error: Error) => void {
  return (error) => {
    const code = (error as { code?: string }).code;
    failures.report(KIND, `Redis unreachable or failing (${client}: ${code ? `${code} ` : ''}${error.message}); clients keep reconnecting`);
  };
}

/** Once per outage, when a connection is ready again. */
export function onRedisReady(): void {
  failures.recovered(KIND, 'Redis answers again');
}
