import type { Queue } from 'bullmq';

/** Schedules are read as French wall-clock time: "the 1st of the month at 05:00" in Paris, summer and winter. */
export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

/**
 * Creates or updates a BullMQ job scheduler (idempotent: every worker may call it at start-up; the
 * scheduler id keeps one schedule per job whatever the number of workers or restarts).
 */
export async function upsertCronSchedule(queue: Queue, schedulerId: string, pattern: string, jobName: string): Promise<void> {
  await queue.upsertJobScheduler(schedulerId, { pattern, tz: SCHEDULE_TIME_ZONE }, { name: jobName, data: {} });
}
