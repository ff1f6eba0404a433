import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { systemActor } from '../../auth/actor';
import { runInContext } from '../../common/request-context';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { PrintRunRenderer } from './print-run-renderer.service';
import type { PrintRunJobData } from './print-runs.service';

/** One print run at a time per worker: rendering already uses the render threads, more jobs would only compete. */
@Processor(QUEUE_NAMES.printRuns)
export class PrintRunsProcessor extends WorkerHost {
  constructor(private readonly renderer: PrintRunRenderer) {
    super();
  }

  process(job: Job<PrintRunJobData>): Promise<void> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return runInContext({ requestId: `job:${QUEUE_NAMES.printRuns}:${job.id}`, actor: systemActor('job:print-runs') }, () =>
      this.renderer.render(job.data.printRunId, { finalAttempt }),
    );
  }
}
