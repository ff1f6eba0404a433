import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { systemActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { runInContext } from '../../common/request-context';
import { ensureJobQueued, type RecoveryOccasion } from '../../queue/job-recovery';
import type { JobRunKind } from './job-run-kind';
import { JobRunEntity } from './job-run.entity';
import { JobRunsRepository } from './job-runs.repository';

/** What a job's payload carries: the run id for runs ANCT asked for, nothing for scheduled ones. */
export interface JobRunPayload {
  runId?: string;
}

/**
 * Bookkeeping shared by the recurring money jobs: a run row is created before the job is queued
 * (manual runs) or on its first delivery (scheduled runs), marked running on each attempt and
 * completed with a summary. A redelivered job whose run already completed does nothing.
 */
@Injectable()
export class JobRunsService {
  private readonly logger = new Logger(JobRunsService.name);

  constructor(private readonly runs: JobRunsRepository) {}

  async request(queue: Queue, jobName: string, kind: JobRunKind, parameters: Record<string, unknown>, actor: Actor): Promise<JobRunEntity> {
    const jobKey = `${kind}-${randomUUID()}`;
    const run = await this.runs.insertQueued({ kind, trigger: 'manual', jobKey, parameters, requestedByUserId: actor.userId });
    try {
      await queue.add(jobName, { runId: run.id } satisfies JobRunPayload, { jobId: jobKey });
    } catch (error) {
      await this.runs.markFailed(run.id, `Could not be queued: ${(error as Error).message}`);
      throw error;
    }
    return run;
  }

  /**
   * Runs `work` for one delivery of `job` inside a job context (its audit rows name the job as actor),
   * and records the outcome. Errors are recorded then rethrown so BullMQ retries with backoff.
   */
  async execute(
    job: Job<JobRunPayload>,
    kind: JobRunKind,
    scheduledParameters: () => Record<string, unknown>,
    work: (run: JobRunEntity) => Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown> | null> {
    const run = job.data.runId
      ? await this.runs.findById(job.data.runId)
      : await this.runs.upsertScheduled(kind, String(job.id), scheduledParameters());
    if (!run) {
      this.logger.warn(`Job ${job.id} names run ${job.data.runId}, which does not exist: nothing to do`);
      return null;
    }
    const running = await this.runs.markRunning(run.id);
    if (!running) return run.summary;
    return runInContext({ requestId: `job:${job.queueName}:${job.id}`, actor: systemActor(`job:${kind}`) }, async () => {
      const started = Date.now();
      this.logger.log(`${kind} run ${run.id} started (attempt ${running.attempts})`);
      try {
        const summary = await work(running);
        await this.runs.markCompleted(run.id, summary);
        this.logger.log(`${kind} run ${run.id} completed in ${Date.now() - started} ms: ${JSON.stringify(summary)}`);
        return summary;
      } catch (error) {
        await this.runs.markFailed(run.id, (error as Error).message);
        this.logger.error(`${kind} run ${run.id} failed after ${Date.now() - started} ms: ${(error as Error).message}`);
        throw error;
      }
    });
  }

  /**
   * Gives every run PostgreSQL says is queued or running its job back if Redis lost it. A manual run goes
   * again under its own job id; a scheduled run's job was made by its scheduler, so a lost one goes again
   * under an id derived from the run. Delivery is at least once: `execute` leaves a completed run alone.
   */
  async requeuePending(queue: Queue, jobName: string, kind: JobRunKind, occasion: RecoveryOccasion): Promise<number> {
    let requeued = 0;
    for (const run of await this.runs.findPending(kind)) {
      const original = run.trigger === 'manual' || (await queue.getJob(run.jobKey)) ? run.jobKey : null;
      if (await ensureJobQueued(queue, original ?? `run-${run.id}`, jobName, { runId: run.id } satisfies JobRunPayload, occasion))
        requeued += 1;
    }
    return requeued;
  }

  async list(filter: { kind?: JobRunKind; limit: number; offset: number }): Promise<Page<JobRunEntity>> {
    const { items, total } = await this.runs.list(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async get(id: string): Promise<JobRunEntity> {
    const run = await this.runs.findById(id);
    if (!run) throw new NotFoundError('Job run');
    return run;
  }
}
