import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditService, currentAuditActor } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import { IdempotencyService, type IdempotentResponse } from '../../common/idempotency/idempotency.service';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { SigningKeysService } from '../signing/signing-keys.service';
import { VenuesRepository, type RedemptionVenueContext } from '../venues/venues.repository';
import type { OfflineBatchDto, OfflineScanDto } from './dto/offline-batch.dto';
import { type OfflineItemResult, OfflineCeiling, qualificationStatusAt, scanTimeProblem } from './offline-scan.rules';
import type { RedemptionPlace } from './redemption.rules';
import { RedemptionError } from './redemptions.errors';
import { redemptionRead, type VoucherForRedemptionRow } from './redemption-reads';
import { RedemptionsRepository } from './redemptions.repository';
import { assertUnambiguousInputs, readVoucherInput } from './voucher-input.rules';
import { VoucherLookupLimiter } from './voucher-lookup-limiter';
import { alreadyRedeemedDetails, placeOf, type ReadyInput, readyInput, rowsByHash, verdictFor } from './voucher-verdict';

export interface OfflineBatchReport {
  batchId: string;
  deviceId: string;
  acceptedCount: number;
  conflictCount: number;
  acceptedValueCents: number;
  items: OfflineItemResult[];
}

interface Candidate {
  index: number;
  scan: OfflineScanDto;
  input: ReadyInput;
  service: RedemptionVenueContext['services'][number];
  place: RedemptionPlace;
}

export const OFFLINE_BATCH_ENDPOINT = 'POST /redemptions/offline-batches';

/**
 * Scans a venue kept without network, settled at synchronisation. Each scan is judged as of its scan
 * time and stands alone (unlike an online request, a batch is not all or nothing); the first valid
 * redemption recorded wins and later ones are conflicts. Replaying a batch changes nothing: the same
 * key returns the stored report, and a scan already recorded (same chèque, venue, device and time) is
 * reported as accepted again rather than as a conflict with itself.
 */
@Injectable()
export class OfflineSyncService {
  constructor(
    private readonly config: AppConfig,
    private readonly redemptions: RedemptionsRepository,
    private readonly venues: VenuesRepository,
    private readonly idempotency: IdempotencyService,
    private readonly limiter: VoucherLookupLimiter,
    private readonly signingKeys: SigningKeysService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async submit(actor: OrganisationActor, idempotencyKey: string | undefined, dto: OfflineBatchDto): Promise<IdempotentResponse> {
    assertUnambiguousInputs(dto.scans, 'scans');
    await this.limiter.assertAllowed(actor);
    const request = this.idempotency.identify({
      organisationId: actor.organisationId,
      key: idempotencyKey,
      endpoint: OFFLINE_BATCH_ENDPOINT,
      body: dto,
    });
    return this.idempotency.execute(request, 200, (manager) => this.settle(manager, actor, dto));
  }

  private async settle(manager: EntityManager, actor: OrganisationActor, dto: OfflineBatchDto): Promise<OfflineBatchReport> {
    const now = new Date();
    const maxScanAgeMs = this.config.OFFLINE_SCAN_MAX_AGE_HOURS * 3_600_000;
    const venueId = actor.organisationId;
    const venue = (
      await this.redemptions.read(
        redemptionRead(
          venueId,
          unique(dto.scans.map((scan) => scan.serviceId)),
          unique(dto.scans.flatMap((scan) => (scan.siteId ? [scan.siteId] : []))),
          [],
        ),
        manager,
      )
    )?.venue;
    if (!venue) throw new NotFoundError('Venue');
    const history = await this.venues.qualificationHistory(venueId, manager);
    const results: OfflineItemResult[] = [];
    const conflict = (index: number, reason: OfflineItemResult['reason'], extra: Partial<OfflineItemResult> = {}) =>
      results.push({ index, outcome: 'conflict', reason, ...extra });

    const candidates: Candidate[] = [];
    dto.scans.forEach((scan, index) => {
      const timeProblem = scanTimeProblem(scan.scannedAt, now, maxScanAgeMs);
      if (timeProblem) return conflict(index, timeProblem);
      const service = venue.services.find((candidate) => candidate.id === scan.serviceId);
      if (!service) return conflict(index, 'UNKNOWN_SERVICE');
      const site = scan.siteId ? venue.sites.find((candidate) => candidate.id === scan.siteId) : null;
      if (site === undefined) return conflict(index, 'UNKNOWN_SITE');
      const read = readVoucherInput(scan, this.signingKeys.keyRing, scan.scannedAt);
      if (!read.ok) return conflict(index, read.error, read.signatureError ? { details: { signatureError: read.signatureError } } : {});
      if (qualificationStatusAt(history, scan.scannedAt) !== 'qualified') return conflict(index, 'VENUE_NOT_QUALIFIED');
      candidates.push({ index, scan, input: readyInput(read.code, read.qrSerial), service, place: placeOf(venue, site) });
    });

    const rows = rowsByHash(
      await this.vouchersByHash(
        manager,
        venueId,
        candidates.map((candidate) => candidate.input.hash),
      ),
    );
    const unknown = candidates.filter((candidate) => !rows.has(candidate.input.hash.toString('hex'))).length;
    if (unknown > 0) {
      // A batch may not be a way round the threshold: past it, nothing of the batch is looked at.
      await this.limiter.recordUnknownCodesAndAssertAllowed(actor, unknown);
    }

    await this.redemptions.lockVenueOfflineSync(manager, venueId);
    const ceiling = new OfflineCeiling(
      new Map([...rows.values()].map((row) => [row.programmeId, Number(row.offlineValueCeilingCents)])),
      await this.redemptions.offlineValueSince(manager, venueId, new Date(now.getTime() - maxScanAgeMs)),
    );
    const batchId = randomUUID();
    await this.redemptions.insertOfflineBatch(manager, {
      id: batchId,
      venueId,
      deviceId: dto.deviceId,
      submittedByUserId: actor.userId,
      submittedByApiKeyId: actor.apiKeyId,
      itemCount: dto.scans.length,
      acceptedCount: 0,
      acceptedValueCents: '0',
      results: [],
    });

    let acceptedValueCents = 0;
    const inScanOrder = [...candidates].sort((a, b) => a.scan.scannedAt.getTime() - b.scan.scannedAt.getTime() || a.index - b.index);
    for (const candidate of inScanOrder) {
      const { index, scan, input, service, place } = candidate;
      const row = rows.get(input.hash.toString('hex'));
      if (row && isSameScan(row, venueId, dto.deviceId, scan.scannedAt)) {
        // Redeemed by this very scan (a replayed batch): a redeemed chèque always has its redemption.
        if (!row.redemptionId) throw new Error(`Chèque ${row.serial} is redeemed but has no redemption`);
        results.push({
          index,
          outcome: 'accepted',
          serial: row.serial,
          redemptionId: row.redemptionId,
          valueCents: row.faceValueCents,
          alreadyRecorded: true,
        });
        continue;
      }
      const verdict = verdictFor(input, row, place, scan.scannedAt);
      if (verdict.outcome === 'refused') {
        conflict(index, verdict.code, conflictDetails(verdict.row, verdict.code, venueId));
        continue;
      }
      if (ceiling.remaining(verdict.row.programmeId) < verdict.row.faceValueCents) {
        conflict(index, 'OFFLINE_CEILING_EXCEEDED', {
          serial: verdict.row.serial,
          details: { remainingCents: ceiling.remaining(verdict.row.programmeId) },
        });
        continue;
      }
      const redemptionId = randomUUID();
      const redeemed = await this.redeemOne(manager, verdict.row, redemptionId, {
        venueId,
        siteId: scan.siteId ?? null,
        service,
        scannedAt: scan.scannedAt,
        deviceId: dto.deviceId,
        actor,
        batchId,
      });
      if (!redeemed) {
        // Redeemed since it was read (earlier in this batch, or by someone else meanwhile): report it as of now.
        const [fresh] = await this.vouchersByHash(manager, venueId, [input.hash]);
        conflict(index, 'ALREADY_REDEEMED', conflictDetails(fresh, 'ALREADY_REDEEMED', venueId));
        continue;
      }
      ceiling.take(verdict.row.programmeId, verdict.row.faceValueCents);
      acceptedValueCents += verdict.row.faceValueCents;
      results.push({ index, outcome: 'accepted', serial: verdict.row.serial, redemptionId, valueCents: verdict.row.faceValueCents });
    }

    results.sort((a, b) => a.index - b.index);
    const acceptedCount = results.filter((result) => result.outcome === 'accepted').length;
    await this.redemptions.completeOfflineBatch(manager, batchId, {
      acceptedCount,
      acceptedValueCents: String(acceptedValueCents),
      results,
    });
    await this.audit.record(manager, {
      action: 'offline_batch.settled',
      objectType: 'offline_batch',
      objectId: batchId,
      objectOrganisationId: venueId,
      after: { deviceId: dto.deviceId, itemCount: dto.scans.length, acceptedCount, acceptedValueCents },
    });
    return {
      batchId,
      deviceId: dto.deviceId,
      acceptedCount,
      conflictCount: results.length - acceptedCount,
      acceptedValueCents,
      items: results,
    };
  }

  private async vouchersByHash(manager: EntityManager, venueId: string, hashes: Buffer[]): Promise<VoucherForRedemptionRow[]> {
    return (await this.redemptions.read(redemptionRead(venueId, [], [], hashes), manager))?.vouchers ?? [];
  }

  /** One scan, in its own savepoint: a refusal by the database affects this scan only. False when nothing was written. */
  private async redeemOne(
    manager: EntityManager,
    row: VoucherForRedemptionRow,
    redemptionId: string,
    scan: {
      venueId: string;
      siteId: string | null;
      service: Candidate['service'];
      scannedAt: Date;
      deviceId: string;
      actor: OrganisationActor;
      batchId: string;
    },
  ): Promise<boolean> {
    try {
      return await this.transactions.withinSavepoint(manager, () =>
        this.redemptions.redeemInTransaction(manager, {
          voucherIds: [row.id],
          redemptionIds: [redemptionId],
          venueId: scan.venueId,
          siteId: scan.siteId,
          serviceId: scan.service.id,
          serviceCategory: scan.service.category,
          mode: 'offline',
          scannedAt: scan.scannedAt,
          deviceId: scan.deviceId,
          userId: scan.actor.userId,
          apiKeyId: scan.actor.apiKeyId,
          offlineBatchId: scan.batchId,
          auditActor: currentAuditActor(),
        }),
      );
    } catch (error) {
      if (error instanceof RedemptionError) return false;
      throw error;
    }
  }
}

function isSameScan(row: VoucherForRedemptionRow, venueId: string, deviceId: string, scannedAt: Date): boolean {
  return row.redeemedByVenueId === venueId && row.redeemedDeviceId === deviceId && row.redeemedAt?.getTime() === scannedAt.getTime();
}

function conflictDetails(row: VoucherForRedemptionRow | null | undefined, code: string, venueId: string): Partial<OfflineItemResult> {
  if (!row) return {};
  return {
    serial: row.serial,
    ...(code === 'ALREADY_REDEEMED' && row.redemptionId ? { details: { ...alreadyRedeemedDetails(row, venueId) } } : {}),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
