import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';

export const DISPATCH_OUTBOX_JOB = 'dispatch-outbox';
export const DELIVER_MESSAGE_JOB = 'deliver-message';
export const PURGE_OUTBOX_JOB = 'purge-outbox';
const DISPATCH_BATCH = 500;
/** Messages deleted per statement by the purge (exported for its test). */
export const PURGE_BATCH = 5000;

export interface DeliverMessagePayload {
  messageId: string;
}

/**
 * Moves e-mails from the outbox (PostgreSQL, the truth) to SMTP. A periodic dispatch hands pending
 * messages to the queue, one job per message with a deterministic id; the delivery locks the row,
 * sends and marks it sent in one transaction, so a message is sent once even if two jobs name it.
 * SMTP down: the job fails, BullMQ retries it with exponential backoff, the row stays pending and is
 * handed over again if every attempt fails. Worker or Redis down: the rows wait in PostgreSQL.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly queue: Queue,
  ) {}

  /** Queues the messages due; the claim commits only once the jobs are in Redis, so none is lost between the two. */
  async dispatch(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const claimed = await this.outbox.claimForDispatch(manager, this.config.OUTBOX_REDISPATCH_MINUTES, DISPATCH_BATCH);
      if (claimed.length === 0) return 0;
      await this.queue.addBulk(
        claimed.map((message) => ({
          name: DELIVER_MESSAGE_JOB,
          data: { messageId: message.id } satisfies DeliverMessagePayload,
          opts: {
            jobId: `message-${message.id}-${message.dispatchCount}`,
            attempts: this.config.OUTBOX_DELIVERY_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.config.OUTBOX_RETRY_DELAY_MS },
          },
        })),
      );
      return claimed.length;
    });
  }

  /**
   * Deletes the messages sent more than OUTBOX_SENT_RETENTION_DAYS ago, in batches (short transactions that
   * never hold the table long). Idempotent: a second run finds nothing left.
   */
  async purgeSent(): Promise<number> {
    let purged = 0;
    for (;;) {
      const batch = await this.outbox.purgeSent(this.config.OUTBOX_SENT_RETENTION_DAYS, PURGE_BATCH);
      purged += batch;
      if (batch < PURGE_BATCH) return purged;
    }
  }

  /** Sends one message unless it was sent already or another delivery holds it. Throws on SMTP failure (BullMQ retries). */
  async deliver(messageId: string): Promise<'sent' | 'skipped'> {
    let failure: Error | null = null;
    const outcome = await this.transactions.run(async (manager) => {
      const message = await this.outbox.lockPending(manager, messageId);
      if (!message) return 'skipped' as const;
      try {
        await this.transport.send({
          messageId: `<${message.id}@${new URL(this.config.PUBLIC_BASE_URL).hostname}>`,
          to: message.recipientEmail,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
        });
      } catch (error) {
        failure = error as Error;
        return 'failed' as const;
      }
      await this.outbox.markSent(manager, message.id);
      return 'sent' as const;
    });
    if (outcome === 'failed') {
      const error = failure as unknown as Error;
      await this.outbox.recordFailure(messageId, error.message);
      this.logger.warn(`E-mail ${messageId} not sent (${error.message}); it will be retried`);
      throw error;
    }
    return outcome;
  }
}
