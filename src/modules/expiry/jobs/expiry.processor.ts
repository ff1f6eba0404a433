import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { IdempotencyService } from '../../../common/idempotency/idempotency.service';
import { AppConfig } from '../../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { upsertCronSchedule } from '../../../queue/job-schedules';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import type { JobRunPayload } from '../../job-runs/job-runs.service';
import { JobRunsService } from '../../job-runs/job-runs.service';
import { EXPIRY_JOB, ExpiryService } from '../expiry.service';

/** Stored answers to `Idempotency-Key` requests expire too, on the same daily schedule. */
export const PURGE_IDEMPOTENCY_RECORDS_JOB = 'purge-idempotency-records';

@Processor(QUEUE_NAMES.expiry)
export class ExpiryProcessor extends JobProcessor<JobRunPayload> implements RecoversJobs {
  constructor(
    private readonly expiry: ExpiryService,
    private readonly idempotency: IdempotencyService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.expiry) private readonly queue: Queue,
  ) {
    super();
  }

  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    const created = [
      await upsertCronSchedule(this.queue, 'daily-expiry', this.config.EXPIRY_CRON, EXPIRY_JOB, occasion),
      await upsertCronSchedule(this.queue, 'daily-idempotency-purge', this.config.EXPIRY_CRON, PURGE_IDEMPOTENCY_RECORDS_JOB, occasion),
    ].filter(Boolean).length;
    return created + (await this.jobRuns.requeuePending(this.queue, EXPIRY_JOB, 'expiry', occasion));
  }

  protected async handle(job: Job<JobRunPayload>): Promise<unknown> {
    if (job.name === PURGE_IDEMPOTENCY_RECORDS_JOB) {
      const purged = await this.idempotency.purgeExpired(new Date());
      this.logger.log(`Purged ${purged} stored Idempotency-Key answers older than ${this.config.IDEMPOTENCY_RETENTION_DAYS} days`);
      return { purged };
    }
    return this.jobRuns.execute(
      job,
      'expiry',
      () => ({}),
      (run) => this.expiry.executeRun(run),
    );
  }
}
