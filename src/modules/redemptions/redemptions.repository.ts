import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CommonError } from '../../common/errors/common-errors';
import type { AuditActorRow } from '../../audit/audit.service';
import type { IdentifiedRequest } from '../../common/idempotency/idempotency.service';
import type { StoredResponse } from '../../common/idempotency/idempotency.repository';
import { isConcurrencyFailure, isLockTimeout, isUniqueViolation } from '../../database/postgres-errors';
import { AppConfig } from '../../config/app-config';
import { NaturalBatcher } from '../../database/natural-batcher';
import { PreparedStatement, PreparedStatementPool } from '../../database/prepared-statement';
import { redeemableUntilSql } from '../expiry/expiry.rules';
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
  /** One per chèque, chosen by the caller: the answer naming them can be written before they exist. */
  redemptionIds: string[];
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
  /** Whom the audit rows the statement writes name (see `currentAuditActor`). */
  auditActor: AuditActorRow;
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

/** The stored answer an idempotent redemption leaves, written with it (see `redeem_vouchers_once_batch`). */
export interface IdempotentRedemption {
  request: IdentifiedRequest;
  responseStatus: number;
  responseBody: unknown;
  command: RedeemCommand;
}

/**
 * - `redeemed`: done, and the answer stored;
 * - `in_progress`: another request holds the key;
 * - `answered`: the key was answered meanwhile;
 * - `not_redeemed`: nothing written, a chèque is no longer `issued` (or a conflict): the full path says why.
 */
export type IdempotentRedemptionOutcome = 'redeemed' | 'in_progress' | 'answered' | 'not_redeemed';

/**
 * Single use, in the database function `redeem_vouchers` (migration RedeemVouchersFunctions): it
 * locks the chèques' carnets, then, only if every chèque is still `issued`, marks them redeemed,
 * inserts their redemptions (the unique index on active redemptions stands behind the status check),
 * the money owed to the venue, the carnets used up (`fully_used`) and the audit rows of all of it.
 * Returns one row per redemption, or none at all: all or nothing. The redemption benchmark runs this
 * very statement as a baseline too.
 */
export const REDEEM_VOUCHERS_SQL = `SELECT * FROM redeem_vouchers($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

/**
 * Online redemptions in one statement and one transaction (migration RedeemVouchersBatchAsOneStatement):
 * one outcome per request, in order. Each request is redeemed all or nothing on its own.
 */
const REDEEM_VOUCHERS_ONCE_BATCH = new PreparedStatement<{ outcomes: IdempotentRedemptionOutcome[] }>(
  'redeem_vouchers_once_batch',
  `SELECT redeem_vouchers_once_batch($1) AS outcomes`,
);

/** A request as `redeem_vouchers_once_batch` reads it. */
function batchedRequest({ request, command, responseStatus, responseBody }: IdempotentRedemption): Record<string, unknown> {
  return {
    lockKey: request.lockKey,
    organisationId: request.organisationId,
    key: request.key,
    endpoint: request.endpoint,
    requestHash: request.requestHash.toString('hex'),
    responseStatus,
    responseBody: JSON.stringify(responseBody),
    voucherIds: postgresArray(command.voucherIds),
    redemptionIds: postgresArray(command.redemptionIds),
    venueId: command.venueId,
    siteId: command.siteId,
    serviceId: command.serviceId,
    serviceCategory: command.serviceCategory,
    mode: command.mode,
    deviceId: command.deviceId,
    scannedAt: command.scannedAt.toISOString(),
    userId: command.userId,
    apiKeyId: command.apiKeyId,
    offlineBatchId: command.offlineBatchId,
    auditActor: command.auditActor,
  };
}

/** A uuid[] literal: the ids are uuids, nothing to escape. */
function postgresArray(uuids: readonly string[]): string {
  return `{${uuids.join(',')}}`;
}

/**
 * Carnet before its chèques, the order every use case locks them in (see OppositionsRepository and
 * `redeem_vouchers`), in a statement of its own so that the next one sees their chèques as committed.
 */
const LOCK_CARNETS_SQL = `
SELECT c.id FROM carnets c
 WHERE c.id IN (SELECT v.carnet_id FROM vouchers v WHERE v.id = ANY($1::uuid[]))
 ORDER BY c.id
 FOR UPDATE`;

export function redeemParameters(command: RedeemCommand): unknown[] {
  return [
    command.voucherIds,
    command.redemptionIds,
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
    JSON.stringify(command.auditActor),
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
  private readonly onlineReads: NaturalBatcher<OnlineRead, OnlineReadRow[] | ReadFailure>;
  private readonly onlineWrites: NaturalBatcher<IdempotentRedemption, IdempotentRedemptionOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatementPool,
    config: AppConfig,
  ) {
    this.onlineReads = new NaturalBatcher(config.REDEMPTION_BATCH_LANES, config.REDEMPTION_BATCH_MAX_SIZE, (reads) => this.readBatch(reads));
    this.onlineWrites = new NaturalBatcher(config.REDEMPTION_BATCH_LANES, config.REDEMPTION_BATCH_MAX_SIZE, (redemptions) =>
      this.redeemBatch(redemptions),
    );
  }

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
  ): Promise<VenueAndVouchers | null> {
    return venueAndVouchers(await this.manager(manager).query(VENUE_AND_VOUCHERS_SQL, [venueId, serviceIds, siteIds, codeHashes]));
  }

  /**
   * The same, plus the answer stored under an Idempotency-Key: everything an online redemption reads,
   * outside any transaction. Reads that arrive together go as one statement (like the writes, see
   * `redeemOnce`).
   */
  async findForOnlineRedemption(
    venueId: string,
    serviceIds: readonly string[],
    siteIds: readonly string[],
    codeHashes: Buffer[],
    idempotencyKey: string,
  ): Promise<(VenueAndVouchers & { earlier: StoredResponse | null }) | null> {
    const rows = await this.onlineReads.submit({
      venueId,
      serviceIds: postgresArray(serviceIds),
      siteIds: postgresArray(siteIds),
      codeHashes: codeHashes.map((hash) => hash.toString('hex')),
      key: idempotencyKey,
    });
    if (rows instanceof ReadFailure) throw rows.error;
    const found = venueAndVouchers(rows);
    if (!found) return null;
    const [{ earlier }] = rows;
    return {
      ...found,
      earlier: earlier && {
        endpoint: earlier.endpoint,
        requestHash: Buffer.from(earlier.requestHash, 'hex'),
        responseStatus: earlier.responseStatus,
        responseBody: earlier.responseBody,
      },
    };
  }

  private async readBatch(reads: OnlineRead[]): Promise<(OnlineReadRow[] | ReadFailure)[]> {
    try {
      const rows = await this.prepared.run(FIND_FOR_ONLINE_REDEMPTIONS, [JSON.stringify(reads)]);
      const byRead = reads.map((): OnlineReadRow[] => []);
      for (const { request, ...row } of rows) byRead[Number(request) - 1].push(row);
      return byRead;
    } catch (error) {
      if (reads.length === 1) return [new ReadFailure(error)];
      // One read's failure must not fail the others: each on its own.
      return (await Promise.all(reads.map((read) => this.readBatch([read])))).flat();
    }
  }

  /**
   * An online redemption in its own transaction: the key claimed, the chèques redeemed and the answer
   * stored together, or nothing written at all. Redemptions that arrive together share that transaction
   * and its one statement (`REDEMPTION_BATCH_*`, group commit), each still all or nothing on its own.
   */
  redeemOnce(redemption: IdempotentRedemption): Promise<IdempotentRedemptionOutcome> {
    return this.onlineWrites.submit(redemption);
  }

  private async redeemBatch(redemptions: IdempotentRedemption[]): Promise<IdempotentRedemptionOutcome[]> {
    try {
      const [{ outcomes }] = await this.prepared.run(REDEEM_VOUCHERS_ONCE_BATCH, [JSON.stringify(redemptions.map(batchedRequest))]);
      return outcomes;
    } catch (error) {
      // A chèque actively redeemed yet `issued`, a deadlock with an opposition or the expiry job, a lock
      // held long elsewhere: the batch wrote nothing, and the full path, one request at a time, sorts
      // each one out.
      if (isUniqueViolation(error, 'uq_redemptions_voucher_active') || isConcurrencyFailure(error) || isLockTimeout(error)) {
        return redemptions.map(() => 'not_redeemed');
      }
      throw error;
    }
  }

  /**
   * See REDEEM_VOUCHERS_SQL. A unique-index violation (a chèque `issued` yet actively redeemed) is
   * refused like a lost race; a deadlock (with an opposition or the expiry job on the same carnet) is
   * worth a retry.
   */
  async redeem(manager: EntityManager, command: RedeemCommand): Promise<RedeemedRow[]> {
    try {
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

export interface VenueAndVouchers {
  venue: RedemptionVenueContext;
  vouchers: VoucherForRedemptionRow[];
}

/**
 * The venue's context and the chèques, one row per chèque found (or one with the venue only), plus
 * `columns`; the arguments are SQL expressions (parameters, or fields of a batch's JSON).
 */
function venueAndVouchersSql(venueId: string, serviceIds: string, siteIds: string, codeHashes: string, columns = ''): string {
  return `WITH venue AS (${redemptionContextSql(venueId, serviceIds, siteIds)}), found AS (${voucherLookupSql(codeHashes)})
          SELECT row_to_json(venue) AS venue, ${columns} found.* FROM venue LEFT JOIN found ON true`;
}

const VENUE_AND_VOUCHERS_SQL = venueAndVouchersSql('$1', '$2', '$3', '$4');

type EarlierAnswerRow = { endpoint: string; requestHash: string; responseStatus: number; responseBody: unknown };

/** What `FIND_FOR_ONLINE_REDEMPTIONS` reads for one redemption: uuid[] literals, hex code hashes. */
interface OnlineRead {
  venueId: string;
  serviceIds: string;
  siteIds: string;
  codeHashes: string[];
  key: string;
}

type OnlineReadRow = { venue: RedemptionVenueContext; earlier: EarlierAnswerRow | null } & Partial<VoucherForRedemptionRow>;

/** A read of a batch that failed on its own (see `readBatch`). */
class ReadFailure {
  constructor(readonly error: unknown) {}
}

/**
 * `venueAndVouchersSql` plus the stored answer, for each read of a JSON array (`OnlineRead`), its rows
 * numbered by `request` (from 1).
 */
const FIND_FOR_ONLINE_REDEMPTIONS = new PreparedStatement<OnlineReadRow & { request: string }>(
  'find_for_online_redemptions',
  `SELECT read.ordinality AS request, found.*
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS read
    CROSS JOIN LATERAL (${venueAndVouchersSql(
      `(read.value->>'venueId')::uuid`,
      `(read.value->>'serviceIds')::uuid[]`,
      `(read.value->>'siteIds')::uuid[]`,
      `ARRAY(SELECT decode(hash, 'hex') FROM jsonb_array_elements_text(read.value->'codeHashes') AS hash)`,
      `(SELECT json_build_object('endpoint', r.endpoint, 'requestHash', encode(r.request_hash, 'hex'),
                                 'responseStatus', r.response_status, 'responseBody', r.response_body)
          FROM idempotency_records r
         WHERE r.organisation_id = (read.value->>'venueId')::uuid AND r.key = read.value->>'key') AS earlier,`,
    )}) AS found`,
);

function venueAndVouchers(rows: ({ venue: RedemptionVenueContext } & Partial<VoucherForRedemptionRow>)[]): VenueAndVouchers | null {
  if (rows.length === 0) return null;
  const vouchers = rows.filter((row) => row.id != null).map(({ venue: _venue, ...voucher }) => voucher as VoucherForRedemptionRow);
  return { venue: rows[0].venue, vouchers };
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
