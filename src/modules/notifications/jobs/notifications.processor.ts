import { InjectQueue, Processor } from '@nestjs/bullmq';
import { JobProcessor } from '../../../queue/job-processor';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import type { RecoveryOccasion, RecoversJobs } from '../../../queue/job-recovery';
import { upsertCronSchedule } from '../../../queue/job-schedules';
import { QUEUE_NAMES } from '../../../queue/queue-names';
import { NotificationDigestsService, WRITE_DIGESTS_JOB } from '../notification-digests.service';
import { DELIVER_MESSAGE_JOB, DISPATCH_OUTBOX_JOB, type DeliverMessagePayload, OutboxService, PURGE_OUTBOX_JOB } from '../outbox.service';

/** The `notifications` queue: outbox dispatch (every OUTBOX_DISPATCH_SECONDS), one delivery per message, the daily digests and the daily purge of old sent messages. */
@Processor(QUEUE_NAMES.notifications)
export class NotificationsProcessor extends JobProcessor implements RecoversJobs {
  constructor(
    private readonly outbox: OutboxService,
    private readonly digests: NotificationDigestsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly queue: Queue,
  ) {
    super();
  }

  protected override readonly routineJobs: ReadonlySet<string> = new Set([DISPATCH_OUTBOX_JOB, DELIVER_MESSAGE_JOB]);

  /** The schedules, at start and whenever Redis has lost them (the messages themselves wait in PostgreSQL's outbox). */
  async recoverJobs(occasion: RecoveryOccasion): Promise<number> {
    let created = 0;
    if (occasion === 'start' || !(await this.queue.getJobScheduler('outbox-dispatch'))) {
      await this.queue.upsertJobScheduler(
        'outbox-dispatch',
        { every: this.config.OUTBOX_DISPATCH_SECONDS * 1000 },
        { name: DISPATCH_OUTBOX_JOB, data: {} },
      );
      created++;
    }
    if (
      await upsertCronSchedule(this.queue, 'daily-notification-digests', this.config.NOTIFICATION_DIGEST_CRON, WRITE_DIGESTS_JOB, occasion)
    )
      created++;
    if (await upsertCronSchedule(this.queue, 'daily-outbox-purge', this.config.OUTBOX_PURGE_CRON, PURGE_OUTBOX_JOB, occasion)) created++;
    return created;
  }

  protected async handle(job: Job): Promise<unknown> {
    switch (job.name) {
      case DISPATCH_OUTBOX_JOB: {
        const dispatched = await this.outbox.dispatch();
        if (dispatched > 0) this.logger.log(`${dispatched} e-mail(s) handed to the queue`);
        return { dispatched };
      }
      case DELIVER_MESSAGE_JOB:
        return { outcome: await this.outbox.deliver((job.data as DeliverMessagePayload).messageId) };
      case WRITE_DIGESTS_JOB: {
        const written = await this.digests.writeDigests();
        this.logger.log(`Digests written: ${JSON.stringify(written)}`);
        return written;
      }
      case PURGE_OUTBOX_JOB: {
        const purged = await this.outbox.purgeSent();
        this.logger.log(`${purged} sent e-mail(s) older than ${this.config.OUTBOX_SENT_RETENTION_DAYS} days purged from the outbox`);
        return { purged };
      }
      default:
        this.logger.warn(`Unknown job ${job.name} on the notifications queue: ignored`);
        return null;
    }
  }
}
