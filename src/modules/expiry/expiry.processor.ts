import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { upsertCronSchedule } from '../../queue/job-schedules';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunPayload } from '../job-runs/job-runs.service';
import { JobRunsService } from '../job-runs/job-runs.service';
import { EXPIRY_JOB, ExpiryService } from './expiry.service';

@Processor(QUEUE_NAMES.expiry)
export class ExpiryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly expiry: ExpiryService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.expiry) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await upsertCronSchedule(this.queue, 'daily-expiry', this.config.EXPIRY_CRON, EXPIRY_JOB);
  }

  process(job: Job<JobRunPayload>): Promise<unknown> {
    return this.jobRuns.execute(job, 'expiry', () => ({}), (run) => this.expiry.executeRun(run));
  }
}
