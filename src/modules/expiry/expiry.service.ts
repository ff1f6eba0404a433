import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunEntity } from '../job-runs/job-run.entity';
import { JobRunsService } from '../job-runs/job-runs.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import type { ExpiryWarningsQuery } from './dto/expiry-warnings.query';
import { ExpiryRepository, type ExpiryWarning } from './expiry.repository';

export const EXPIRY_JOB = 'expire-vouchers';

/**
 * Daily expiry: chèques past validity + grace become expired (and their carnets when nothing is left
 * to use), then every order whose chèques are all final gets its credit note for the unused face
 * value, once. Idempotent: a second run the same day finds nothing to do.
 */
@Injectable()
export class ExpiryService {
  constructor(
    private readonly expiry: ExpiryRepository,
    private readonly ledger: LedgerRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.expiry) private readonly queue: Queue,
  ) {}

  requestRun(actor: OrganisationActor): Promise<JobRunEntity> {
    return this.jobRuns.request(this.queue, EXPIRY_JOB, 'expiry', {}, actor);
  }

  async executeRun(run: JobRunEntity): Promise<Record<string, unknown>> {
    let vouchersExpired = 0;
    let carnetsExpired = 0;
    let ordersTouched = 0;
    for (const orderId of await this.expiry.ordersWithExpirableVouchers()) {
      const expired = await this.transactions.run(async (manager) => {
        const order = await this.expiry.lockOrder(manager, orderId);
        const result = await this.expiry.expireOrder(manager, orderId);
        if (result.vouchers > 0) {
          await this.audit.record(manager, {
            action: 'order.vouchers_expired',
            objectType: 'order',
            objectId: orderId,
            objectOrganisationId: order.funderId,
            after: { vouchersExpired: result.vouchers, carnetsExpired: result.carnets, runId: run.id },
          });
        }
        return result;
      });
      vouchersExpired += expired.vouchers;
      carnetsExpired += expired.carnets;
      if (expired.vouchers > 0) ordersTouched += 1;
    }

    let creditNotes = 0;
    let creditNoteCents = 0n;
    for (const candidate of await this.expiry.ordersToCredit()) {
      const amount = await this.transactions.run(async (manager) => {
        await this.expiry.lockOrder(manager, candidate.orderId);
        if (await this.expiry.hasCreditNote(manager, candidate.orderId)) return 0n;
        const unused = await this.expiry.unusedValue(manager, candidate.orderId);
        if (unused.liveCount > 0 || unused.unusedCents === '0') return 0n;
        await this.ledger.append(manager, [
          {
            kind: 'expired_value_credit_note',
            amountCents: unused.unusedCents,
            occurredAt: new Date(),
            programmeId: candidate.programmeId,
            funderId: candidate.funderId,
            orderId: candidate.orderId,
          },
        ]);
        await this.audit.record(manager, {
          action: 'order.credit_note_recorded',
          objectType: 'order',
          objectId: candidate.orderId,
          objectOrganisationId: candidate.funderId,
          after: {
            amountCents: unused.unusedCents,
            expiredVouchers: unused.expiredCount,
            cancelledVouchers: unused.cancelledCount,
            runId: run.id,
          },
        });
        return BigInt(unused.unusedCents);
      });
      if (amount > 0n) creditNotes += 1;
      creditNoteCents += amount;
    }
    return { vouchersExpired, carnetsExpired, ordersTouched, creditNotes, creditNoteCents: creditNoteCents.toString() };
  }

  async warnings(actor: OrganisationActor, query: ExpiryWarningsQuery): Promise<Page<ExpiryWarning> & { withinDays: number }> {
    let funderId = query.funderId;
    if (actor.organisationKind === 'funder') {
      if (funderId && funderId !== actor.organisationId) throw new NotFoundError('Funder');
      funderId = actor.organisationId;
    }
    const withinDays = query.withinDays ?? this.config.EXPIRY_WARNING_DAYS;
    const { items, total } = await this.expiry.warnings({ funderId, withinDays, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset, withinDays };
  }
}
