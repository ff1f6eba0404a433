import type { Queue } from 'bullmq';
import { PARIS_TIME_ZONE } from '../common/time/paris-time';

/**
 * Creates or updates a BullMQ job scheduler (idempotent: every worker may call it at start-up; the
 * scheduler id keeps one schedule per job whatever the number of workers or restarts). Patterns are
 * French wall-clock time: "the 1st of the month at 05:00" in Paris, summer and winter.
 */
export async function upsertCronSchedule(queue: Queue, schedulerId: string, pattern: string, jobName: string): Promise<void> {
  await queue.upsertJobScheduler(schedulerId, { pattern, tz: PARIS_TIME_ZONE }, { name: jobName, data: {} });
}
