import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CommonError } from '../../common/errors/common-errors';
import { isConcurrencyFailure, isUniqueViolation } from '../../database/postgres-errors';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { OfflineBatchEntity } from './offline-batch.entity';
import {
  READ_FOR_REDEMPTIONS_SQL,
  type RedemptionRead,
  type RedemptionReadRow,
  type VenueAndVouchers,
  venueAndVouchers,
} from './redemption-reads';
import {
  type RedeemCommand,
  REDEEM_VOUCHERS_SQL,
  redeemVouchersParameters,
  redemptionRequest,
  type RedemptionOutcome,
} from './redemption-request';
import { RedemptionEntity } from './redemption.entity';
import { RedemptionError } from './redemptions.errors';

/**
 * Carnet before its chèques, the order every use case locks them in (see OppositionsRepository and
 * sql/redeem-vouchers.sql), in a statement of its own so that the next one sees their chèques as committed.
 */
const LOCK_CARNETS_SQL = `
SELECT c.id FROM carnets c
 WHERE c.id IN (SELECT v.carnet_id FROM vouchers v WHERE v.id = ANY($1::uuid[]))
 ORDER BY c.id
 FOR UPDATE`;

export interface RedemptionFilter {
  venueId: string | null;
  from?: Date;
  to?: Date;
  status?: 'active' | 'cancelled';
  siteId?: string;
  statementId?: string;
  limit: number;
  offset: number;
}

export interface RedemptionView {
  id: string;
  status: 'active' | 'cancelled';
  venueId: string;
  voucherId: string;
  serial: string;
  valueCents: number;
  serviceId: string | null;
  serviceCategory: string;
  siteId: string | null;
  mode: 'online' | 'offline';
  deviceId: string | null;
  scannedAt: Date;
  recordedAt: Date;
  statementId: string | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
}

const VIEW_COLUMNS = `
  r.id, CASE WHEN r.cancelled_at IS NULL THEN 'active' ELSE 'cancelled' END AS status, r.venue_id AS "venueId",
  r.voucher_id AS "voucherId", v.serial, r.value_cents AS "valueCents", r.service_id AS "serviceId",
  r.service_category AS "serviceCategory", r.site_id AS "siteId", r.mode, r.device_id AS "deviceId",
  r.scanned_at AS "scannedAt", r.recorded_at AS "recordedAt", r.statement_id AS "statementId",
  r.cancelled_at AS "cancelledAt", r.cancellation_reason AS "cancellationReason"`;

@Injectable()
export class RedemptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Everything a redemption reads (sql/read-for-redemptions.sql) in one round trip, in the caller's
   * transaction if given: the venue's redemption context, the chèques, the answer stored under the key.
   * Null when the venue is not an active venue. (Online redemptions read in batches: OnlineRedemptionBatches.)
   */
  async read(read: RedemptionRead, manager?: EntityManager): Promise<VenueAndVouchers | null> {
    const rows: RedemptionReadRow[] = await this.manager(manager).query(READ_FOR_REDEMPTIONS_SQL, [JSON.stringify([read])]);
    return venueAndVouchers(rows);
  }

  /**
   * Redeems the command's chèques in the caller's transaction, all or none, through the one writer
   * (`redeem_vouchers`, sql/redeem-vouchers.sql): false when one is no longer `issued` (nothing written).
   * The caller holds the Idempotency-Key, if any (IdempotencyService). A chèque `issued` yet actively
   * redeemed (the unique index) is refused like a lost race; a deadlock with an opposition or the expiry
   * job on the same carnet is worth a retry.
   */
  async redeemInTransaction(manager: EntityManager, command: RedeemCommand): Promise<boolean> {
    try {
      const [{ outcomes }]: { outcomes: RedemptionOutcome[] }[] = await manager.query(
        REDEEM_VOUCHERS_SQL,
        redeemVouchersParameters([redemptionRequest(command)], null),
      );
      return outcomes[0] === 'redeemed';
    } catch (error) {
      if (isUniqueViolation(error, 'uq_redemptions_voucher_active'))
        throw new RedemptionError('ALREADY_REDEEMED', 'This chèque has already been redeemed.');
      if (isConcurrencyFailure(error))
        throw new CommonError('CONCURRENT_MODIFICATION', 'These chèques were being changed by another request; try again.');
      throw error;
    }
  }

  async list(filter: RedemptionFilter): Promise<{ items: RedemptionView[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.venueId) add((p) => `r.venue_id = ${p}`, filter.venueId);
    if (filter.from) add((p) => `r.scanned_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `r.scanned_at < ${p}`, filter.to);
    if (filter.siteId) add((p) => `r.site_id = ${p}`, filter.siteId);
    if (filter.statementId) add((p) => `r.statement_id = ${p}`, filter.statementId);
    if (filter.status) conditions.push(filter.status === 'active' ? 'r.cancelled_at IS NULL' : 'r.cancelled_at IS NOT NULL');
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${VIEW_COLUMNS} FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id ${where}
          ORDER BY r.scanned_at DESC, r.id DESC LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
        [...parameters, filter.limit, filter.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM redemptions r ${where}`, parameters),
    ]);
    return { items, total };
  }

  /** `venueId` null only for ANCT, who may read any redemption. */
  async findVisible(id: string, venueId: string | null): Promise<RedemptionView | null> {
    const rows: RedemptionView[] = await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
        WHERE r.id = $1 AND ($2::uuid IS NULL OR r.venue_id = $2)`,
      [id, venueId],
    );
    return rows[0] ?? null;
  }

  /** Active redemptions of the venue that no reimbursement statement holds yet. */
  async notYetInStatement(venueId: string): Promise<{ count: number; valueCents: string }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS count, COALESCE(sum(value_cents), 0)::text AS "valueCents"
         FROM redemptions WHERE venue_id = $1 AND cancelled_at IS NULL AND statement_id IS NULL`,
      [venueId],
    );
    return row;
  }

  lockOwn(manager: EntityManager, id: string, venueId: string): Promise<RedemptionEntity | null> {
    return manager.findOne(RedemptionEntity, { where: { id, venueId }, lock: { mode: 'pessimistic_write' } });
  }

  async markCancelled(
    manager: EntityManager,
    id: string,
    values: Pick<RedemptionEntity, 'cancelledAt' | 'cancelledByUserId' | 'cancellationReason'>,
  ): Promise<void> {
    await manager.update(RedemptionEntity, { id }, values);
  }

  /**
   * The chèque of an undone redemption may be redeemed again, and its carnet, if this chèque had used
   * it up, is open again. Call `lockCarnetOf` first.
   */
  async reinstateVoucher(
    manager: EntityManager,
    voucherId: string,
  ): Promise<{ reinstated: boolean; carnetId: string | null; carnetReopened: boolean }> {
    const [row]: { reinstated: boolean; carnetId: string | null; carnetReopened: boolean }[] = await manager.query(
      `WITH voucher AS (
         UPDATE vouchers SET status = 'issued', redeemed_at = NULL WHERE id = $1 AND status = 'redeemed' RETURNING carnet_id
       ), reopened AS (
         UPDATE carnets c SET status = 'issued' FROM voucher WHERE c.id = voucher.carnet_id AND c.status = 'fully_used' RETURNING c.id
       )
       SELECT EXISTS (SELECT 1 FROM voucher) AS reinstated, (SELECT carnet_id FROM voucher) AS "carnetId", EXISTS (SELECT 1 FROM reopened) AS "carnetReopened"`,
      [voucherId],
    );
    return row;
  }

  /** The carnet of a chèque, locked (see LOCK_CARNETS_SQL). */
  async lockCarnetOf(manager: EntityManager, voucherId: string): Promise<void> {
    await manager.query(LOCK_CARNETS_SQL, [[voucherId]]);
  }

  owedLedgerLine(manager: EntityManager, redemptionId: string): Promise<LedgerEntryEntity | null> {
    return manager.findOne(LedgerEntryEntity, { where: { redemptionId, kind: 'redemption_owed_to_venue', reversesEntryId: IsNull() } });
  }

  /**
   * Serialises the offline synchronisations of one venue (the ceiling is a sum over them); online
   * redemptions do not take it.
   */
  async lockVenueOfflineSync(manager: EntityManager, venueId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`offline-sync:${venueId}`]);
  }

  /** Value the venue redeemed offline with a scan time after `since`, per programme. */
  async offlineValueSince(manager: EntityManager, venueId: string, since: Date): Promise<Map<string, number>> {
    const rows: { programmeId: string; valueCents: string }[] = await manager.query(
      `SELECT o.programme_id AS "programmeId", sum(r.value_cents)::text AS "valueCents"
         FROM redemptions r JOIN orders o ON o.id = r.order_id
        WHERE r.venue_id = $1 AND r.mode = 'offline' AND r.cancelled_at IS NULL AND r.scanned_at > $2
        GROUP BY o.programme_id`,
      [venueId, since],
    );
    return new Map(rows.map((row) => [row.programmeId, Number(row.valueCents)]));
  }

  async insertOfflineBatch(manager: EntityManager, batch: QueryDeepPartialEntity<OfflineBatchEntity>): Promise<void> {
    await manager.insert(OfflineBatchEntity, batch);
  }

  async completeOfflineBatch(
    manager: EntityManager,
    id: string,
    values: Pick<OfflineBatchEntity, 'acceptedCount' | 'acceptedValueCents' | 'results'>,
  ): Promise<void> {
    await manager.update(OfflineBatchEntity, { id }, values as QueryDeepPartialEntity<OfflineBatchEntity>);
  }
}
