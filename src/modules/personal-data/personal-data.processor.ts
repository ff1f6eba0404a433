import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { systemActor } from '../../auth/actor';
import { runInContext } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../queue/job-recovery';
import { upsertCronSchedule } from '../../queue/job-schedules';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { ERASE_RETAINED_JOB, PersonalDataService } from './personal-data.service';

/** The `personal-data` queue: the daily erasure of personal data whose retention period is over (idempotent). */
@Processor(QUEUE_NAMES.personalData)
export class PersonalDataProcessor extends WorkerHost implements RecoversJobs {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.personalData) private readonly queue: Queue,
  ) {
    super();
  }

  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    return (await upsertCronSchedule(this.queue, 'daily-personal-data-erasure', this.config.BENEFICIARY_ERASURE_CRON, ERASE_RETAINED_JOB, occasion)) ? 1 : 0;
  }

  process(job: Job): Promise<unknown> {
    return runInContext({ requestId: `job:${job.queueName}:${job.id}`, actor: systemActor('job:personal-data-retention') }, () => this.personalData.eraseRetained());
  }
}
