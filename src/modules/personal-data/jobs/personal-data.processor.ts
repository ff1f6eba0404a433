import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { upsertCronSchedule } from '../../../queue/job-schedules';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { ERASE_RETAINED_JOB, PersonalDataService } from '../personal-data.service';

/** The `personal-data` queue: the daily erasure of personal data whose retention period is over (idempotent). */
@Processor(QUEUE_NAMES.personalData)
export class PersonalDataProcessor extends JobProcessor implements RecoversJobs {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.personalData) private readonly queue: Queue,
  ) {
    super();
  }

  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    return (await upsertCronSchedule(
      this.queue,
      'daily-personal-data-erasure',
      this.config.BENEFICIARY_ERASURE_CRON,
      ERASE_RETAINED_JOB,
      occasion,
    ))
      ? 1
      : 0;
  }

  protected handle(job: Job): Promise<unknown> {
    return this.personalData.eraseRetained();
  }
}
