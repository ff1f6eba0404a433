import type { Job, Queue } from 'bullmq';

/**
 * When work is recovered: at worker start, a job that failed every attempt while PostgreSQL still says
 * its work is pending is tried again (a crash, a lost lock); on the periodic check, only jobs Redis lost
 * altogether are queued again, so that a job failing for good is not retried every minute.
 */
export type RecoveryOccasion = 'start' | 'periodic';

/** A processor whose queue's schedules and pending work can be rebuilt from PostgreSQL. */
export interface RecoversJobs {
  /** Idempotent; returns how many jobs it queued or retried. */
  recoverJobs(occasion: RecoveryOccasion): Promise<number>;
}

export function recoversJobs(instance: unknown): instance is RecoversJobs {
  return typeof (instance as Partial<RecoversJobs> | null)?.recoverJobs === 'function';
}

/**
 * Makes sure a job with this id will run: adds it if Redis does not have it (deterministic ids make a
 * duplicate impossible), and at start retries it if it failed every attempt. True when it did either.
 */
export async function ensureJobQueued<Data>(
  queue: Queue<Data>,
  jobId: string,
  name: string,
  data: Data,
  occasion: RecoveryOccasion,
): Promise<boolean> {
  const existing: Job<Data> | undefined = await queue.getJob(jobId);
  if (!existing) {
    await (queue as Queue).add(name, data, { jobId });
    return true;
  }
  if (occasion === 'start' && (await existing.isFailed())) {
    await existing.retry('failed');
    return true;
  }
  return false;
}
