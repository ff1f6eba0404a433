import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CommonError } from '../../common/errors/common-errors';
import { isConcurrencyFailure, isUniqueViolation } from '../../database/postgres-errors';
import { LIVE_VOUCHER_STATUSES, redeemableUntilSql, sqlList } from '../expiry/expiry.rules';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import type { VoucherStatus } from '../vouchers/voucher-status';
import { OfflineBatchEntity } from './offline-batch.entity';
import { RedemptionEntity } from './redemption.entity';
import { RedemptionError } from './redemptions.errors';
import { redemptionContextSql, type RedemptionVenueContext } from '../venues/venues.repository';

/** A chèque as a redemption sees it: its state, its order's territory, its programme's rules, its active redemption. */
export interface VoucherForRedemptionRow {
  id: string;
  codeHash: Buffer;
  serial: string;
  status: VoucherStatus;
  faceValueCents: number;
  expiresAt: Date;
  redeemableUntil: Date;
  issuedAt: Date | null;
  funderId: string;
  orderId: string;
  programmeId: string;
  territoryDepartements: string[];
  territoryCommunes: string[];
  offlineValueCeilingCents: string;
  redemptionId: string | null;
  redeemedByVenueId: string | null;
  redeemedAt: Date | null;
  redeemedAtSiteId: string | null;
  redeemedAtSiteName: string | null;
  redeemedDeviceId: string | null;
}

export interface RedeemCommand {
  voucherIds: string[];
  venueId: string;
  siteId: string | null;
  serviceId: string;
  serviceCategory: string;
  mode: 'online' | 'offline';
  scannedAt: Date;
  deviceId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  offlineBatchId: string | null;
}

export interface RedeemedRow {
  id: string;
  voucherId: string;
  valueCents: number;
  recordedAt: Date;
  carnetId: string;
  /** This redemption used the carnet's last live chèque: the carnet went from `issued` to `fully_used`. */
  carnetFullyUsed: boolean;
}

/**
 * Single use, in one statement: lock the chèques that are still `issued` (in id order, so two
 * multi-chèque requests cannot deadlock), and only if all of them are, mark them redeemed, insert
 * their redemptions (the unique index on active redemptions stands behind the status check) and the
 * money owed to the venue, and close the carnets whose last live chèque this was (`fully_used`).
 * Returns one row per redemption, or none at all: all or nothing. Run it after LOCK_CARNETS_SQL (see
 * `RedemptionsRepository.redeem`). The benchmark's raw baseline runs this very statement.
 */
export const REDEEM_VOUCHERS_SQL = `
WITH locked AS (
  SELECT v.id FROM vouchers v
   WHERE v.id = ANY($1::uuid[]) AND v.status = 'issued'
   ORDER BY v.id
   FOR UPDATE
), redeemed AS (
  UPDATE vouchers v SET status = 'redeemed', redeemed_at = $8
   WHERE v.id IN (SELECT id FROM locked) AND (SELECT count(*) FROM locked) = cardinality($1::uuid[])
  RETURNING v.id, v.carnet_id, v.order_id, v.funder_id, v.face_value_cents
), inserted AS (
  INSERT INTO redemptions (voucher_id, venue_id, site_id, service_id, funder_id, order_id, value_cents, service_category, mode,
                           scanned_at, device_id, redeemed_by_user_id, redeemed_by_api_key_id, offline_batch_id)
  SELECT r.id, $2, $3, $4, r.funder_id, r.order_id, r.face_value_cents, $5, $6, $8, $7, $9, $10, $11 FROM redeemed r
  RETURNING id, voucher_id, order_id, funder_id, value_cents, recorded_at
), owed AS (
  INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, voucher_id, redemption_id)
  SELECT $8, 'redemption_owed_to_venue', i.value_cents, o.programme_id, i.funder_id, i.order_id, $2, i.voucher_id, i.id
    FROM inserted i JOIN orders o ON o.id = i.order_id
), fully_used AS (
  -- The statement sees the chèques it redeems as still issued, hence "other than those".
  UPDATE carnets c SET status = 'fully_used'
   WHERE c.id IN (SELECT carnet_id FROM redeemed) AND c.status = 'issued'
     AND NOT EXISTS (SELECT 1 FROM vouchers other
                      WHERE other.carnet_id = c.id AND other.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})
                        AND other.id NOT IN (SELECT id FROM redeemed))
  RETURNING c.id
)
SELECT i.id, i.voucher_id AS "voucherId", i.value_cents AS "valueCents", i.recorded_at AS "recordedAt",
       r.carnet_id AS "carnetId", r.carnet_id IN (SELECT id FROM fully_used) AS "carnetFullyUsed"
  FROM inserted i JOIN redeemed r ON r.id = i.voucher_id`;

/**
 * Carnet before its chèques, the order every use case locks them in (see OppositionsRepository). Taken
 * in a statement of its own, so that the next statement's snapshot sees every chèque of these carnets
 * as committed by whoever held the lock before: two requests redeeming a carnet's last two chèques at
 * once cannot both believe the other one still live.
 */
const LOCK_CARNETS_SQL = `
SELECT c.id FROM carnets c
 WHERE c.id IN (SELECT v.carnet_id FROM vouchers v WHERE v.id = ANY($1::uuid[]))
 ORDER BY c.id
 FOR UPDATE`;

export function redeemParameters(command: RedeemCommand): unknown[] {
  return [
    command.voucherIds,
    command.venueId,
    command.siteId,
    command.serviceId,
    command.serviceCategory,
    command.mode,
    command.deviceId,
    command.scannedAt,
    command.userId,
    command.apiKeyId,
    command.offlineBatchId,
  ];
}

export interface RedemptionFilter {
  venueId: string | null;
  from?: Date;
  to?: Date;
  status?: 'active' | 'cancelled';
  siteId?: string;
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

  findForRedemption(codeHashes: Buffer[], manager?: EntityManager): Promise<VoucherForRedemptionRow[]> {
    return this.manager(manager).query(voucherLookupSql('$1'), [codeHashes]);
  }

  /**
   * The venue's redemption context and the chèques in one round trip (the hot path of check and
   * redeem). Null when the venue is not an active venue.
   */
  async findVenueAndVouchers(
    venueId: string,
    serviceIds: readonly string[],
    siteIds: readonly string[],
    codeHashes: Buffer[],
    manager?: EntityManager,
  ): Promise<{ venue: RedemptionVenueContext; vouchers: VoucherForRedemptionRow[] } | null> {
    const rows: ({ venue: RedemptionVenueContext } & Partial<VoucherForRedemptionRow>)[] = await this.manager(manager).query(
      `WITH venue AS (${redemptionContextSql('$1', '$2', '$3')}), found AS (${voucherLookupSql('$4')})
       SELECT row_to_json(venue) AS venue, found.* FROM venue LEFT JOIN found ON true`,
      [venueId, serviceIds, siteIds, codeHashes],
    );
    if (rows.length === 0) return null;
    const vouchers = rows.filter((row) => row.id != null).map(({ venue: _venue, ...voucher }) => voucher as VoucherForRedemptionRow);
    return { venue: rows[0].venue, vouchers };
  }

  /**
   * See REDEEM_VOUCHERS_SQL. A unique-index violation (a chèque `issued` yet actively redeemed) is
   * refused like a lost race; a deadlock (with an opposition or the expiry job on the same carnet) is
   * worth a retry.
   */
  async redeem(manager: EntityManager, command: RedeemCommand): Promise<RedeemedRow[]> {
    try {
      await manager.query(LOCK_CARNETS_SQL, [command.voucherIds]);
      return await manager.query(REDEEM_VOUCHERS_SQL, redeemParameters(command));
    } catch (error) {
      if (isUniqueViolation(error, 'uq_redemptions_voucher_active')) throw new RedemptionError('ALREADY_REDEEMED', 'This chèque has already been redeemed.');
      if (isConcurrencyFailure(error)) throw new CommonError('CONCURRENT_MODIFICATION', 'These chèques were being changed by another request; try again.');
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

  async markCancelled(manager: EntityManager, id: string, values: Pick<RedemptionEntity, 'cancelledAt' | 'cancelledByUserId' | 'cancellationReason'>): Promise<void> {
    await manager.update(RedemptionEntity, { id }, values);
  }

  /**
   * The chèque of an undone redemption may be redeemed again, and its carnet, if this chèque had used
   * it up, is open again. Call `lockCarnetOf` first.
   */
  async reinstateVoucher(manager: EntityManager, voucherId: string): Promise<{ reinstated: boolean; carnetId: string | null; carnetReopened: boolean }> {
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

  async completeOfflineBatch(manager: EntityManager, id: string, values: Pick<OfflineBatchEntity, 'acceptedCount' | 'acceptedValueCents' | 'results'>): Promise<void> {
    await manager.update(OfflineBatchEntity, { id }, values as QueryDeepPartialEntity<OfflineBatchEntity>);
  }
}

/** A chèque as a redemption sees it, by code hash (bytea[] parameter). */
function voucherLookupSql(codeHashes: string): string {
  return `SELECT v.id, v.code_hash AS "codeHash", v.serial, v.status, v.face_value_cents AS "faceValueCents",
              v.expires_at AS "expiresAt", ${redeemableUntilSql('v', 'p')} AS "redeemableUntil",
              v.issued_at AS "issuedAt", v.funder_id AS "funderId", v.order_id AS "orderId",
              o.programme_id AS "programmeId", o.territory_departements AS "territoryDepartements",
              o.territory_communes AS "territoryCommunes",
              p.offline_value_ceiling_cents AS "offlineValueCeilingCents",
              r.id AS "redemptionId", r.venue_id AS "redeemedByVenueId", r.scanned_at AS "redeemedAt",
              r.site_id AS "redeemedAtSiteId", s.name AS "redeemedAtSiteName", r.device_id AS "redeemedDeviceId"
         FROM vouchers v
         JOIN orders o ON o.id = v.order_id
         JOIN programmes p ON p.id = o.programme_id
         LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.cancelled_at IS NULL
         LEFT JOIN venue_sites s ON s.id = r.site_id
        WHERE v.code_hash = ANY(${codeHashes}::bytea[])`;
}
