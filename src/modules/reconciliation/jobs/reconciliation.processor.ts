import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { upsertCronSchedule } from '../../../queue/job-schedules';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import type { JobRunPayload } from '../../job-runs/job-runs.service';
import { JobRunsService } from '../../job-runs/job-runs.service';
import { RECONCILIATION_JOB, ReconciliationService } from '../reconciliation.service';

@Processor(QUEUE_NAMES.reconciliation)
export class ReconciliationProcessor extends JobProcessor<JobRunPayload> implements RecoversJobs {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.reconciliation) private readonly queue: Queue,
  ) {
    super();
  }

  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    const created = (await upsertCronSchedule(
      this.queue,
      'daily-reconciliation',
      this.config.RECONCILIATION_CRON,
      RECONCILIATION_JOB,
      occasion,
    ))
      ? 1
      : 0;
    return created + (await this.jobRuns.requeuePending(this.queue, RECONCILIATION_JOB, 'reconciliation', occasion));
  }

  protected handle(job: Job<JobRunPayload>): Promise<unknown> {
    return this.jobRuns.execute(
      job,
      'reconciliation',
      () => ({}),
      (run) => this.reconciliation.executeRun(run),
    );
  }
}
