import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { systemActor } from '../auth/actor';
import { runInContext } from '../common/request-context';

/**
 * The one harness of every queue's processor: each job runs in its own context (request id
 * `job:<queue>:<id>`, a system actor named after the job, so its logs and audit rows say where they come
 * from), between a start and a finish log line with its duration, or an error line before BullMQ retries
 * it. Jobs with a run record wrap their work in `JobRunsService.execute`, which adds the run's state.
 * Processors only say what a job does, in `handle`.
 */
export abstract class JobProcessor<Data = unknown> extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  /** Jobs that run every few seconds (outbox dispatch): their start and finish are debug lines, not noise. */
  protected readonly routineJobs: ReadonlySet<string> = new Set();

  protected abstract handle(job: Job<Data>): Promise<unknown>;

  async process(job: Job<Data>): Promise<unknown> {
    const context = { requestId: `job:${job.queueName}:${job.id}`, actor: systemActor(`job:${job.queueName}:${job.name}`) };
    return runInContext(context, async () => {
      const routine = this.routineJobs.has(job.name);
      const label = `Job ${job.name} ${job.id} on ${job.queueName}`;
      const started = Date.now();
      this.trace(routine, `${label} started (attempt ${job.attemptsMade + 1})`);
      try {
        const result = await this.handle(job);
        this.trace(routine, `${label} finished in ${Date.now() - started} ms`);
        return result;
      } catch (error) {
        this.logger.error(
          `${label} failed after ${Date.now() - started} ms (attempt ${job.attemptsMade + 1}): ${(error as Error).message}`,
        );
        throw error;
      }
    });
  }

  private trace(routine: boolean, message: string): void {
    if (routine) this.logger.debug(message);
    else this.logger.log(message);
  }
}
