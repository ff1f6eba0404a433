import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { upsertCronSchedule } from '../../queue/job-schedules';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunPayload } from '../job-runs/job-runs.service';
import { JobRunsService } from '../job-runs/job-runs.service';
import { RECONCILIATION_JOB, ReconciliationService } from './reconciliation.service';

@Processor(QUEUE_NAMES.reconciliation)
export class ReconciliationProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.reconciliation) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await upsertCronSchedule(this.queue, 'daily-reconciliation', this.config.RECONCILIATION_CRON, RECONCILIATION_JOB);
  }

  process(job: Job<JobRunPayload>): Promise<unknown> {
    return this.jobRuns.execute(job, 'reconciliation', () => ({}), (run) => this.reconciliation.executeRun(run));
  }
}
