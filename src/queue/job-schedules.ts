import type { Queue } from 'bullmq';
import { PARIS_TIME_ZONE } from '../common/time/paris-time';
import type { RecoveryOccasion } from './job-recovery';

/**
 * Creates or updates a BullMQ job scheduler (idempotent: every worker may call it; the scheduler id
 * keeps one schedule per job whatever the number of workers or restarts). Patterns are French
 * wall-clock time: "the 1st of the month at 05:00" in Paris, summer and winter. At worker start the
 * schedule is always written (its pattern may have changed); on the periodic check, only when Redis
 * has lost it. True when it was written.
 */
export async function upsertCronSchedule(
  queue: Queue,
  schedulerId: string,
  pattern: string,
  jobName: string,
  occasion: RecoveryOccasion = 'start',
): Promise<boolean> {
  if (occasion === 'periodic' && (await queue.getJobScheduler(schedulerId))) return false;
  await queue.upsertJobScheduler(schedulerId, { pattern, tz: PARIS_TIME_ZONE }, { name: jobName, data: {} });
  return true;
}
