import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { isCalendarDate, parisToday, startOfParisDay } from '../../common/time/paris-time';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { JobRunEntity } from '../job-runs/job-run.entity';
import { JobRunsService } from '../job-runs/job-runs.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import { REIMBURSEMENT_JOBS } from '../reimbursements/reimbursement-jobs';
import type { RecordStateSharePaymentDto } from './dto/record-state-share-payment.dto';
import type { StateShareQuery } from './dto/state-share.query';
import { StateShareError } from './state-share.errors';
import { StateShareRepository } from './state-share.repository';
import { checkStateSharePayment, stateShareDelta, stateShareDue } from './state-share.rules';

/** One funder's State share in a programme, as the service computes it (amounts in cents, bigint as strings). */
export interface StateShareView {
  funderId: string;
  funderName: string;
  rateBp: number;
  capCents: string;
  /** Active redemptions now. */
  redeemedValueCents: string;
  /** The rule applied to the value redeemed now (what the next computation will record). */
  dueNowCents: string;
  /** Sum of the `state_share_due` ledger lines. */
  dueRecordedCents: string;
  paidCents: string;
  outstandingCents: string;
  /** Cut-off of the last computation: redemptions recorded up to this instant were counted. */
  countedUpTo: Date | null;
  /** When the last computation ran. */
  lastComputedAt: Date | null;
  /** Active redemptions recorded after that cut-off: the next computation counts them. */
  notYetCountedRedemptions: number;
  notYetCountedValueCents: string;
}

/** What a State share run did, kept as its job run's summary. */
export type StateShareRunSummary = {
  ranAt: string;
  /** Redemptions recorded up to this instant (and not cancelled by then) were counted. */
  countedUpTo: string;
  settlingSeconds: number;
  pairs: number;
  linesWritten: number;
  netDeltaCents: string;
  /** Active redemptions recorded after the cut-off, still settling: the next run counts them. */
  leftForNextRun: { redemptions: number; valueCents: string };
};

/** State co-financing of each funder: recorded as ledger deltas by a job, paid by ANCT. */
@Injectable()
export class StateShareService {
  constructor(
    private readonly shares: StateShareRepository,
    private readonly ledger: LedgerRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly jobRuns: JobRunsService,
    private readonly config: AppConfig,
    @InjectQueue(QUEUE_NAMES.reimbursements) private readonly queue: Queue,
  ) {}

  requestRun(actor: OrganisationActor): Promise<JobRunEntity> {
    return this.jobRuns.request(this.queue, REIMBURSEMENT_JOBS.computeStateShare, 'state_share', {}, actor);
  }

  /**
   * For every funder of every programme: due = min(rate × value redeemed, envelope); the ledger gets
   * the difference with what it already holds (idempotent: a second run writes nothing). A funder's
   * computation holds its lock, and never replaces a newer one (overlapping runs).
   */
  async executeRun(_run: JobRunEntity): Promise<StateShareRunSummary> {
    const settlingSeconds = this.config.STATE_SHARE_SETTLING_SECONDS;
    const { ranAt, countedUpTo: asOf } = await this.shares.computationInstants(settlingSeconds);
    let pairs = 0;
    let linesWritten = 0;
    let netDeltaCents = 0n;
    for (const value of await this.shares.redeemedValues(asOf)) {
      pairs += 1;
      const delta = await this.transactions.run(async (manager) => {
        await this.shares.lockFunderShare(manager, value.programmeId, value.funderId);
        const previous = await this.shares.findComputation(manager, value.programmeId, value.funderId);
        if (previous && previous.asOf.getTime() >= asOf.getTime()) return 0n;
        const terms = await this.shares.terms(manager, value.programmeId, value.funderId);
        // The redeemed value comes from vouchers of this programme, which exists (and is never deleted).
        if (!terms) throw new Error(`Programme ${value.programmeId} not found while computing the state share.`);
        const due = stateShareDue(BigInt(value.redeemedCents), terms.rateBp, BigInt(terms.capCents));
        const { dueCents: recorded } = await this.shares.ledgerTotals(manager, value.programmeId, value.funderId);
        const change = stateShareDelta(due, recorded);
        if (change !== 0n) {
          await this.ledger.append(manager, [
            {
              kind: 'state_share_due',
              amountCents: change.toString(),
              occurredAt: asOf,
              programmeId: value.programmeId,
              funderId: value.funderId,
            },
          ]);
          await this.audit.record(manager, {
            action: 'state_share.due_recorded',
            objectType: 'funder_state_share',
            objectId: `${value.programmeId}:${value.funderId}`,
            objectOrganisationId: value.funderId,
            before: { dueCents: recorded.toString() },
            after: {
              dueCents: due.toString(),
              redeemedValueCents: value.redeemedCents,
              rateBp: terms.rateBp,
              capCents: terms.capCents,
              asOf,
            },
          });
        }
        await this.shares.saveComputation(manager, {
          programmeId: value.programmeId,
          funderId: value.funderId,
          asOf,
          redeemedValueCents: value.redeemedCents,
          rateBp: terms.rateBp,
          capCents: terms.capCents,
          dueCents: due.toString(),
        });
        return change;
      });
      if (delta !== 0n) linesWritten += 1;
      netDeltaCents += delta;
    }
    return {
      ranAt: ranAt.toISOString(),
      countedUpTo: asOf.toISOString(),
      settlingSeconds,
      pairs,
      linesWritten,
      netDeltaCents: netDeltaCents.toString(),
      leftForNextRun: await this.shares.recordedAfter(asOf, ranAt),
    };
  }

  async recordPayment(actor: OrganisationActor, dto: RecordStateSharePaymentDto, now = new Date()) {
    if (!isCalendarDate(dto.paidOn) || dto.paidOn > parisToday(now)) {
      throw new StateShareError('INVALID_PAYMENT_DATE', `paidOn must be a past or present day, got ${JSON.stringify(dto.paidOn)}`);
    }
    return this.transactions.run(async (manager) => {
      await this.shares.lockFunderShare(manager, dto.programmeId, dto.funderId);
      if (!(await this.shares.terms(manager, dto.programmeId, dto.funderId))) throw new NotFoundError('Programme');
      const { dueCents, paidCents } = await this.shares.ledgerTotals(manager, dto.programmeId, dto.funderId);
      const amount = BigInt(dto.amountCents);
      const check = checkStateSharePayment(amount, dueCents, paidCents);
      if (!check.ok) {
        throw new StateShareError(
          'STATE_SHARE_PAYMENT_EXCEEDS_DUE',
          `Only ${check.outstandingCents} cents of State share are due and unpaid.`,
          {
            outstandingCents: check.outstandingCents.toString(),
          },
        );
      }
      await this.ledger.append(manager, [
        {
          kind: 'state_share_paid',
          amountCents: amount.toString(),
          occurredAt: startOfParisDay(dto.paidOn),
          programmeId: dto.programmeId,
          funderId: dto.funderId,
          reference: dto.reference,
        },
      ]);
      await this.audit.record(manager, {
        action: 'state_share.paid',
        objectType: 'funder_state_share',
        objectId: `${dto.programmeId}:${dto.funderId}`,
        objectOrganisationId: dto.funderId,
        before: { paidCents: paidCents.toString() },
        after: { paidCents: (paidCents + amount).toString(), amountCents: amount.toString(), paidOn: dto.paidOn, reference: dto.reference },
      });
      return {
        programmeId: dto.programmeId,
        funderId: dto.funderId,
        dueRecordedCents: dueCents.toString(),
        paidCents: (paidCents + amount).toString(),
        outstandingCents: (dueCents - paidCents - amount).toString(),
      };
    });
  }

  async list(actor: OrganisationActor, query: StateShareQuery): Promise<Page<StateShareView>> {
    if (!(await this.shares.programmeExists(query.programmeId))) throw new NotFoundError('Programme');
    const funderId = actor.organisationKind === 'anct' ? undefined : actor.organisationId;
    const { items, total } = await this.shares.linesOfProgramme(query.programmeId, funderId, query);
    return {
      items: items.map((line) => ({
        ...line,
        dueNowCents: stateShareDue(BigInt(line.redeemedValueCents), line.rateBp, BigInt(line.capCents)).toString(),
        outstandingCents: (BigInt(line.dueRecordedCents) - BigInt(line.paidCents)).toString(),
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
