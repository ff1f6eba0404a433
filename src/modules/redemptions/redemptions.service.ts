import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditService, currentAuditActor } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { Page } from '../../common/http/pagination.query';
import { IdempotencyError } from '../../common/idempotency/idempotency.errors';
import { type IdentifiedRequest, IdempotencyService, type IdempotentResponse } from '../../common/idempotency/idempotency.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SigningKeysService } from '../signing/signing-keys.service';
import type { RedemptionVenueContext } from '../venues/venues.repository';
import type { CheckVoucherDto } from './dto/check-voucher.dto';
import type { ListRedemptionsQuery } from './dto/list-redemptions.query';
import type { RedeemVouchersDto } from './dto/redeem-vouchers.dto';
import { type RedemptionPlace, undoRefusal } from './redemption.rules';
import { RedemptionError, VOUCHER_ERROR_MESSAGES } from './redemptions.errors';
import { OnlineRedemptionBatches } from './online-redemption-batches';
import { redemptionRead, type VenueAndVouchers, type VoucherForRedemptionRow } from './redemption-reads';
import { type RedeemCommand, redemptionRequest } from './redemption-request';
import { RedemptionsRepository, type RedemptionView } from './redemptions.repository';
import { assertUnambiguousInputs, readVoucherInput, type VoucherInput } from './voucher-input.rules';
import { VoucherLookupLimiter } from './voucher-lookup-limiter';
import {
  placeOf,
  type ReadyInput,
  readyInput,
  rowsByHash,
  verdictDetails,
  refusalOf,
  verdictFor,
  type VoucherItemVerdict,
  type VoucherRefusal,
  voucherRefusal,
  type VoucherVerdict,
} from './voucher-verdict';

export interface CheckResult {
  serial: string;
  status: string;
  valueCents: number;
  expiresAt: Date;
  redeemableUntil: Date;
  territory: { departements: string[]; communes: string[] };
  /** Whether this venue may redeem it now; if not, `refusal` says why. */
  redeemable: boolean;
  refusal: VoucherRefusal | null;
}

export interface RedemptionReceipt {
  redemptions: { id: string; voucherId: string; serial: string; valueCents: number }[];
  totalValueCents: number;
  serviceId: string;
  serviceCategory: string;
  siteId: string | null;
  scannedAt: Date;
}

export interface RedemptionTotals {
  venueId: string;
  /** Sum of what redemptions made the venue owed, undos deducted (ledger). */
  owedCents: string;
  /** Sum of what reimbursement statements paid it (ledger). */
  paidCents: string;
  pendingReimbursementCents: string;
  /** Active redemptions no reimbursement statement holds yet (still undoable within 24 h). */
  notYetInStatement: { count: number; valueCents: string };
}

export const REDEEM_ENDPOINT = 'POST /redemptions';

@Injectable()
export class RedemptionsService {
  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly onlineBatches: OnlineRedemptionBatches,
    private readonly ledger: LedgerRepository,
    private readonly idempotency: IdempotencyService,
    private readonly limiter: VoucherLookupLimiter,
    private readonly signingKeys: SigningKeysService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** No money moves: what the chèque is, and whether this venue may redeem it now. */
  async check(actor: OrganisationActor, dto: CheckVoucherDto): Promise<CheckResult> {
    const now = new Date();
    const [input] = this.readInputs([dto], 'voucher', now);
    await this.limiter.assertAllowed(actor);
    const found = await this.redemptions.read(redemptionRead(actor.organisationId, [], dto.siteId ? [dto.siteId] : [], [input.hash]));
    if (!found) throw new NotFoundError('Venue');
    const { venue, place } = resolveVenue(found.venue, null, dto.siteId ?? null);
    const verdict = verdictFor(input, found.vouchers[0], place, now);
    const row = verdict.row;
    if (!row) {
      // Only a refusal comes without a row: an unknown code counts against the caller, then is refused.
      await this.recordUnknown(actor, [verdict]);
      assertAllRedeemable([verdict], venue.id);
      throw new Error('A verdict without a chèque row must be a refusal, which assertAllRedeemable throws');
    }
    const refusal = venue.qualificationStatus !== 'qualified' ? voucherRefusal('VENUE_NOT_QUALIFIED') : refusalOf(verdict, venue.id);
    return {
      serial: row.serial,
      status: row.status,
      valueCents: row.faceValueCents,
      expiresAt: row.expiresAt,
      redeemableUntil: row.redeemableUntil,
      territory: { departements: row.territoryDepartements, communes: row.territoryCommunes },
      redeemable: refusal === null,
      refusal,
    };
  }

  /**
   * Redeems every chèque of the request for one service, or none. Checks first (to name the reason),
   * then lets PostgreSQL decide: the conditional update redeems only chèques still `issued`, so of
   * any number of concurrent requests for one chèque exactly one succeeds. The common case takes one
   * read and one write, each in a batch (`redeemInOnlineBatch`); a refusal or a lost race takes the full
   * path (`redeemOrNameRefusal`), which names it. Both write through the one writer, `redeem_vouchers`.
   */
  async redeem(actor: OrganisationActor, idempotencyKey: string | undefined, dto: RedeemVouchersDto): Promise<IdempotentResponse> {
    const now = new Date();
    const inputs = this.readInputs(dto.vouchers, 'vouchers', now);
    // Blocked callers are turned away before any database work (even a replay waits for the window to end).
    await this.limiter.assertAllowed(actor);
    const request = this.idempotency.identify({
      organisationId: actor.organisationId,
      key: idempotencyKey,
      endpoint: REDEEM_ENDPOINT,
      body: dto,
    });
    const done = await this.redeemInOnlineBatch(actor, request, inputs, dto, now);
    return done ?? this.idempotency.execute(request, 201, (manager) => this.redeemOrNameRefusal(manager, actor, inputs, dto, now));
  }

  /**
   * The common case: one batched read, the checks, one batched write that claims the Idempotency-Key and
   * stores the answer with the redemption. Null when the request needs the full path: a chèque or the
   * venue refused, a chèque redeemed since it was read. Nothing is written then, so the full path starts
   * from scratch.
   */
  private async redeemInOnlineBatch(
    actor: OrganisationActor,
    request: IdentifiedRequest,
    inputs: ReadyInput[],
    dto: RedeemVouchersDto,
    now: Date,
  ): Promise<IdempotentResponse | null> {
    const found = await this.onlineBatches.read(
      redemptionRead(
        actor.organisationId,
        [dto.serviceId],
        dto.siteId ? [dto.siteId] : [],
        inputs.map((input) => input.hash),
        request.key,
      ),
    );
    if (found?.earlier) return this.idempotency.replay(found.earlier, request);
    let plan: RedemptionPlan;
    try {
      plan = redemptionPlan(found, dto, inputs, now);
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    if (plan.verdicts.some((verdict) => verdict.outcome === 'refused')) return null;
    const command = this.redeemCommand(actor, plan, dto, now);
    // Serialised as JSON both ways (dates as ISO strings): the same answer now and when replayed.
    const receipt = receiptOf(plan, command);
    switch (await this.onlineBatches.redeem(redemptionRequest(command, { request, responseStatus: 201, responseBody: receipt }))) {
      case 'redeemed':
        return { status: 201, body: receipt, replayed: false };
      case 'answered':
        return this.idempotency.replayStoredAnswer(request);
      case 'in_progress':
        throw new IdempotencyError(
          'IDEMPOTENCY_REQUEST_IN_PROGRESS',
          'A request with this Idempotency-Key is still being processed. Retry shortly.',
        );
      case 'not_redeemed':
        return null;
    }
  }

  /** The full path, in the idempotent transaction (which holds the key and stores the answer): names every refusal, and redeems if none. */
  private async redeemOrNameRefusal(
    manager: EntityManager,
    actor: OrganisationActor,
    inputs: ReadyInput[],
    dto: RedeemVouchersDto,
    now: Date,
  ): Promise<RedemptionReceipt> {
    const found = await this.redemptions.read(
      redemptionRead(
        actor.organisationId,
        [dto.serviceId],
        dto.siteId ? [dto.siteId] : [],
        inputs.map((input) => input.hash),
      ),
      manager,
    );
    const plan = redemptionPlan(found, dto, inputs, now);
    await this.recordUnknown(actor, plan.verdicts);
    assertAllRedeemable(plan.verdicts, plan.venue.id);
    const command = this.redeemCommand(actor, plan, dto, now);
    if (!(await this.redemptions.redeemInTransaction(manager, command))) {
      // Lost a race: another request redeemed one of them since it was read. Say which, as of now.
      assertAllRedeemable(await this.verdicts(manager, plan.venue.id, inputs, plan.place, now), plan.venue.id);
      throw new RedemptionError('ALREADY_REDEEMED', VOUCHER_ERROR_MESSAGES.ALREADY_REDEEMED);
    }
    return receiptOf(plan, command);
  }

  private redeemCommand(actor: OrganisationActor, plan: RedemptionPlan, dto: RedeemVouchersDto, now: Date): RedeemCommand {
    const rows = plannedRows(plan);
    return {
      voucherIds: rows.map((row) => row.id),
      redemptionIds: rows.map(() => randomUUID()),
      venueId: plan.venue.id,
      siteId: dto.siteId ?? null,
      serviceId: plan.service.id,
      serviceCategory: plan.service.category,
      mode: 'online',
      scannedAt: now,
      deviceId: null,
      userId: actor.userId,
      apiKeyId: actor.apiKeyId,
      offlineBatchId: null,
      auditActor: currentAuditActor(),
    };
  }

  /** A venue undoes its own redemption: within 24 h, and only while no reimbursement statement holds it. */
  async cancel(actor: OrganisationActor, redemptionId: string, reason: string): Promise<RedemptionView> {
    const venueId = actor.organisationId;
    await this.transactions.run(async (manager) => {
      const redemption = await this.redemptions.lockOwn(manager, redemptionId, venueId);
      if (!redemption) throw new NotFoundError('Redemption');
      const now = new Date();
      switch (undoRefusal(redemption, now)) {
        case 'ALREADY_CANCELLED':
          throw new InvalidTransitionError('redemption', 'cancelled', 'cancel');
        case 'IN_STATEMENT':
          throw new RedemptionError(
            'REDEMPTION_NOT_CANCELLABLE',
            'This redemption is in a reimbursement statement and can no longer be undone.',
            {
              reason: 'IN_STATEMENT',
            },
          );
        case 'UNDO_WINDOW_PASSED':
          throw new RedemptionError('REDEMPTION_NOT_CANCELLABLE', 'A redemption can only be undone within 24 hours.', {
            reason: 'UNDO_WINDOW_PASSED',
            recordedAt: redemption.recordedAt,
          });
        case null:
          break;
      }
      await this.redemptions.markCancelled(manager, redemption.id, {
        cancelledAt: now,
        cancelledByUserId: actor.userId,
        cancellationReason: reason,
      });
      await this.redemptions.lockCarnetOf(manager, redemption.voucherId);
      const reinstated = await this.redemptions.reinstateVoucher(manager, redemption.voucherId);
      if (!reinstated.reinstated) {
        throw new Error(`Voucher ${redemption.voucherId} of active redemption ${redemption.id} is not in status redeemed`);
      }
      const owed = await this.redemptions.owedLedgerLine(manager, redemption.id);
      if (!owed) throw new Error(`Redemption ${redemption.id} has no ledger line to reverse`);
      await this.ledger.append(manager, [
        {
          kind: 'redemption_owed_to_venue',
          amountCents: String(-BigInt(owed.amountCents)),
          occurredAt: now,
          programmeId: owed.programmeId,
          funderId: owed.funderId,
          orderId: owed.orderId,
          venueId: owed.venueId,
          voucherId: owed.voucherId,
          redemptionId: owed.redemptionId,
          reversesEntryId: owed.id,
        },
      ]);
      await this.audit.record(
        manager,
        {
          action: 'redemption.cancelled',
          objectType: 'redemption',
          objectId: redemption.id,
          objectOrganisationId: venueId,
          before: { cancelledAt: null },
          after: { cancelledAt: now.toISOString(), reason },
        },
        {
          action: 'voucher.redemption_undone',
          objectType: 'voucher',
          objectId: redemption.voucherId,
          objectOrganisationId: redemption.funderId,
          before: { status: 'redeemed' },
          after: { status: 'issued', redemptionId: redemption.id },
        },
        ...(reinstated.carnetReopened
          ? [
              {
                action: 'carnet.reopened',
                objectType: 'carnet',
                objectId: reopenedCarnetId(reinstated),
                objectOrganisationId: redemption.funderId,
                before: { status: 'fully_used' },
                after: { status: 'issued', redemptionId: redemption.id },
              },
            ]
          : []),
      );
    });
    const undone = await this.redemptions.findVisible(redemptionId, venueId);
    if (!undone) throw new Error(`Redemption ${redemptionId} cannot be read back right after being undone`);
    return undone;
  }

  async list(actor: OrganisationActor, query: ListRedemptionsQuery): Promise<Page<RedemptionView>> {
    const venueId = actor.organisationKind === 'anct' ? (query.venueId ?? null) : actor.organisationId;
    const { items, total } = await this.redemptions.list({ ...query, venueId });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: OrganisationActor, id: string): Promise<RedemptionView> {
    const redemption = await this.redemptions.findVisible(id, actor.organisationKind === 'anct' ? null : actor.organisationId);
    if (!redemption) throw new NotFoundError('Redemption');
    return redemption;
  }

  /** Money the venue is owed and not yet paid (`venue_payment_made` lines are payments to it, positive). */
  async totals(actor: OrganisationActor): Promise<RedemptionTotals> {
    const venueId = actor.organisationId;
    const [byKind, notYetInStatement] = await Promise.all([
      this.ledger.totalsByKind({ venueId }),
      this.redemptions.notYetInStatement(venueId),
    ]);
    const owed = BigInt(byKind.redemption_owed_to_venue ?? '0');
    const paid = BigInt(byKind.venue_payment_made ?? '0');
    return {
      venueId,
      owedCents: owed.toString(),
      paidCents: paid.toString(),
      pendingReimbursementCents: (owed - paid).toString(),
      notYetInStatement,
    };
  }

  /** Answers what needs no database: a form problem (400), a typo, a bad code or a forged QR (422), a chèque twice. */
  private readInputs(inputs: VoucherInput[], field: string, at: Date): ReadyInput[] {
    assertUnambiguousInputs(inputs, field);
    const results = inputs.map((input) => readVoucherInput(input, this.signingKeys.keyRing, at));
    const bad = results.flatMap((result, index) =>
      result.ok
        ? []
        : [
            {
              index,
              serial: null,
              outcome: 'refused',
              refusal: voucherRefusal(result.error, result.signatureError ? { signatureError: result.signatureError } : {}),
            } satisfies VoucherItemVerdict,
          ],
    );
    if (bad.length > 0) throw new RedemptionError(bad[0].refusal.code, bad[0].refusal.message, { items: bad });
    const ready = results.map((result) => {
      if (!result.ok) throw new Error('Every unreadable chèque input was refused above');
      return readyInput(result.code, result.qrSerial);
    });
    const seen = new Set<string>();
    for (const [index, input] of ready.entries()) {
      if (seen.has(input.code))
        throw new RedemptionError('DUPLICATE_VOUCHER_IN_REQUEST', 'The same chèque appears twice in this request.', { index });
      seen.add(input.code);
    }
    return ready;
  }

  private async verdicts(
    manager: EntityManager,
    venueId: string,
    inputs: ReadyInput[],
    place: RedemptionPlace,
    at: Date,
  ): Promise<VoucherVerdict[]> {
    const found = await this.redemptions.read(
      redemptionRead(
        venueId,
        [],
        [],
        inputs.map((input) => input.hash),
      ),
      manager,
    );
    const rows = rowsByHash(found?.vouchers ?? []);
    return inputs.map((input) => verdictFor(input, rows.get(input.hash.toString('hex')), place, at));
  }

  private async recordUnknown(actor: OrganisationActor, verdicts: VoucherVerdict[]): Promise<void> {
    const unknown = verdicts.filter((verdict) => verdict.outcome === 'refused' && verdict.code === 'INVALID_CODE').length;
    await this.limiter.recordUnknownCodes(actor, unknown);
  }
}

interface RedemptionPlan {
  venue: RedemptionVenueContext;
  service: RedemptionVenueContext['services'][number];
  place: RedemptionPlace;
  verdicts: VoucherVerdict[];
}

/** What the request asks of this venue, with a verdict per chèque; throws for a venue, site or service refusal. */
function redemptionPlan(found: VenueAndVouchers | null, dto: RedeemVouchersDto, inputs: ReadyInput[], at: Date): RedemptionPlan {
  if (!found) throw new NotFoundError('Venue');
  const { venue, place, service } = resolveVenue(found.venue, dto.serviceId, dto.siteId ?? null);
  // resolveVenue throws UNKNOWN_SERVICE rather than return no service when one is named (serviceId is required).
  if (!service) throw new Error(`Service ${dto.serviceId} was resolved to nothing`);
  if (inputs.length > service.maxVouchers) {
    throw new RedemptionError('TOO_MANY_VOUCHERS_FOR_SERVICE', `This service takes at most ${service.maxVouchers} chèque(s) per session.`, {
      maxVouchers: service.maxVouchers,
    });
  }
  assertQualified(venue);
  const rowsFound = rowsByHash(found.vouchers);
  const verdicts = inputs.map((input) => verdictFor(input, rowsFound.get(input.hash.toString('hex')), place, at));
  return { venue, service, place, verdicts };
}

/** The chèque rows of a plan about to be redeemed (assertAllRedeemable has passed, so each verdict has its row). */
function plannedRows(plan: RedemptionPlan): VoucherForRedemptionRow[] {
  return plan.verdicts.map((verdict) => {
    if (!verdict.row) throw new Error('A chèque without a row reached redemption: assertAllRedeemable must run first');
    return verdict.row;
  });
}

/** A reopened carnet is the carnet of the reinstated chèque, which therefore has one. */
function reopenedCarnetId(reinstated: { carnetId: string | null }): string {
  if (!reinstated.carnetId) throw new Error('A carnet was reopened for a chèque that belongs to no carnet');
  return reinstated.carnetId;
}

function receiptOf(plan: RedemptionPlan, command: RedeemCommand): RedemptionReceipt {
  const rows = plannedRows(plan);
  return {
    redemptions: rows.map((row, index) => ({
      id: command.redemptionIds[index],
      voucherId: row.id,
      serial: row.serial,
      valueCents: row.faceValueCents,
    })),
    totalValueCents: rows.reduce((sum, row) => sum + row.faceValueCents, 0),
    serviceId: command.serviceId,
    serviceCategory: command.serviceCategory,
    siteId: command.siteId,
    scannedAt: command.scannedAt,
  };
}

/** The named service and site if they are the venue's own and active, and where the chèques are used. */
function resolveVenue(venue: RedemptionVenueContext | null, serviceId: string | null, siteId: string | null) {
  if (!venue) throw new NotFoundError('Venue');
  const service = serviceId ? venue.services[0] : null;
  if (serviceId && !service) throw new RedemptionError('UNKNOWN_SERVICE', 'This service is not one of your venue’s active services.');
  const site = siteId ? venue.sites[0] : null;
  if (siteId && !site) throw new RedemptionError('UNKNOWN_SITE', 'This site is not one of your venue’s active sites.');
  return { venue, service, place: placeOf(venue, site ?? null) };
}

function assertQualified(venue: RedemptionVenueContext): void {
  if (venue.qualificationStatus !== 'qualified') {
    throw new RedemptionError(
      'VENUE_NOT_QUALIFIED',
      `Your venue is not qualified to redeem chèques (status: ${venue.qualificationStatus}).`,
      {
        qualificationStatus: venue.qualificationStatus,
      },
    );
  }
}

/** Refuses the whole request when any chèque is refused, naming the first reason and detailing every chèque. */
function assertAllRedeemable(verdicts: VoucherVerdict[], venueId: string): void {
  const first = verdicts.find((verdict) => verdict.outcome === 'refused');
  if (first?.outcome !== 'refused') return;
  const items = verdicts.map((verdict, index) => verdictDetails(index, verdict, venueId));
  throw new RedemptionError(first.code, VOUCHER_ERROR_MESSAGES[first.code], { items });
}
