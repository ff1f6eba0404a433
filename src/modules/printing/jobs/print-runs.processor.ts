import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { ensureJobQueued, type RecoveryOccasion, type RecoversJobs } from '../../../queue/job-recovery';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { PrintRunRenderer } from '../print-run-renderer.service';
import { PrintRunsRepository } from '../print-runs.repository';
import { PRINT_RUN_JOB, type PrintRunJobData, printRunJobId } from '../print-runs.service';

/** One print run at a time per worker: rendering already uses the render threads, more jobs would only compete. */
@Processor(QUEUE_NAMES.printRuns)
export class PrintRunsProcessor extends JobProcessor<PrintRunJobData> implements RecoversJobs {
  constructor(
    private readonly renderer: PrintRunRenderer,
    private readonly runs: PrintRunsRepository,
    @InjectQueue(QUEUE_NAMES.printRuns) private readonly queue: Queue<PrintRunJobData>,
  ) {
    super();
  }

  /** A print run PostgreSQL says is queued or running whose job Redis lost gets it back. */
  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    let requeued = 0;
    for (const id of await this.runs.findPendingIds()) {
      if (await ensureJobQueued(this.queue, printRunJobId(id), PRINT_RUN_JOB, { printRunId: id }, occasion)) requeued += 1;
    }
    return requeued;
  }

  protected handle(job: Job<PrintRunJobData>): Promise<void> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.renderer.render(job.data.printRunId, { finalAttempt });
  }
}
