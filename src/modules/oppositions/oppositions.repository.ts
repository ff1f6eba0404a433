import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CarnetStatus } from '../carnets/carnet-status';
import { CarnetEntity } from '../carnets/carnet.entity';
import { carnetScopeCondition, type CarnetScope } from '../carnets/carnet-scope';
import type { OrderStatus } from '../orders/order-status';
import type { VoucherStatus } from '../vouchers/voucher-status';
import { VoucherEntity } from '../vouchers/voucher.entity';
import { CANCELLABLE_VOUCHER_STATUSES } from './oppositions.rules';
import { VoucherRevocationEntity } from './voucher-revocation.entity';

export interface LockedCarnet {
  id: string;
  number: string;
  status: CarnetStatus;
  orderStatus: OrderStatus;
  funderId: string;
  prescriberId: string | null;
}

export interface LockedVoucher {
  id: string;
  serial: string;
  status: VoucherStatus;
  carnetId: string;
  carnetNumber: string;
  carnetStatus: CarnetStatus;
  orderStatus: OrderStatus;
  funderId: string;
  prescriberId: string | null;
}

export interface CancelledVoucher {
  id: string;
  serial: string;
  carnetId: string;
  expiresAt: Date;
}

export interface RevocationLine {
  version: string;
  serial: string;
  reason: string;
  revokedAt: Date;
  expiresAt: Date;
}

// Arbitrary constant: serialises appends to the revocation list so that versions increase in commit order.
const REVOCATION_APPEND_LOCK = 7_340_005;

@Injectable()
export class OppositionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Carnets of the scope among `ids` or `numbers`, locked until the end of the transaction. Others are simply absent. */
  async lockCarnets(
    manager: EntityManager,
    scope: CarnetScope,
    filter: { ids: string[] } | { numbers: string[] },
  ): Promise<LockedCarnet[]> {
    const [column, values] = 'ids' in filter ? ['c.id', filter.ids] : ['c.number', filter.numbers];
    return manager.query(
      `SELECT c.id, c.number, c.status, o.status AS "orderStatus", c.funder_id AS "funderId", c.prescriber_id AS "prescriberId"
         FROM carnets c
         JOIN orders o ON o.id = c.order_id
        WHERE ${column} = ANY($1) AND ${carnetScopeCondition(scope, 'c', '$2')}
        ORDER BY c.number
          FOR UPDATE OF c`,
      [values, scope.organisationId],
    );
  }

  /** Locks the carnet, then the chèque: the order every use case follows (carnet before its chèques), so none deadlocks another. */
  async lockVoucherBySerial(manager: EntityManager, scope: CarnetScope, serial: string): Promise<LockedVoucher | null> {
    const rows: Omit<LockedVoucher, 'status'>[] = await manager.query(
      `SELECT v.id, v.serial, v.carnet_id AS "carnetId", c.number AS "carnetNumber", c.status AS "carnetStatus",
              o.status AS "orderStatus", c.funder_id AS "funderId", c.prescriber_id AS "prescriberId"
         FROM vouchers v
         JOIN carnets c ON c.id = v.carnet_id
         JOIN orders o ON o.id = c.order_id
        WHERE v.serial = $1 AND ${carnetScopeCondition(scope, 'c', '$2')}
          FOR UPDATE OF c`,
      [serial, scope.organisationId],
    );
    if (rows.length === 0) return null;
    const [{ status }]: { status: VoucherStatus }[] = await manager.query(`SELECT status FROM vouchers WHERE id = $1 FOR UPDATE`, [
      rows[0].id,
    ]);
    return { ...rows[0], status };
  }

  async cancelCarnets(
    manager: EntityManager,
    carnetIds: string[],
    fromStatuses: readonly CarnetStatus[],
    reason: string,
    at: Date,
  ): Promise<string[]> {
    if (carnetIds.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .update(CarnetEntity)
      .set({ status: 'cancelled', cancelledAt: at, cancellationReason: reason })
      .where('id = ANY(:carnetIds) AND status IN (:...fromStatuses)', { carnetIds, fromStatuses })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  /**
   * Moves a locked carnet to the state its chèques give it (`carnetStatusFromVouchers`); a carnet
   * cancelled this way records the opposition's reason and time like a carnet opposition.
   */
  async closeCarnet(
    manager: EntityManager,
    carnetId: string,
    from: CarnetStatus,
    to: CarnetStatus,
    reason: string,
    at: Date,
  ): Promise<void> {
    const cancellation = to === 'cancelled' ? { cancelledAt: at, cancellationReason: reason } : {};
    await manager
      .createQueryBuilder()
      .update(CarnetEntity)
      .set({ status: to, ...cancellation })
      .where('id = :carnetId AND status = :from', { carnetId, from })
      .execute();
  }

  async cancelVouchers(
    manager: EntityManager,
    where: { carnetIds: string[] } | { voucherId: string },
    reason: string,
    at: Date,
  ): Promise<CancelledVoucher[]> {
    const query = manager
      .createQueryBuilder()
      .update(VoucherEntity)
      .set({ status: 'cancelled', cancelledAt: at, cancellationReason: reason })
      .where('status IN (:...statuses)', { statuses: CANCELLABLE_VOUCHER_STATUSES });
    if ('carnetIds' in where) query.andWhere('carnet_id = ANY(:carnetIds)', { carnetIds: where.carnetIds });
    else query.andWhere('id = :voucherId', { voucherId: where.voucherId });
    const result = await query.returning(['id', 'serial', 'carnetId', 'expiresAt']).execute();
    return (result.raw as { id: string; serial: string; carnet_id: string; expires_at: Date }[]).map((row) => ({
      id: row.id,
      serial: row.serial,
      carnetId: row.carnet_id,
      expiresAt: row.expires_at,
    }));
  }

  async voucherStatusesOfCarnet(manager: EntityManager, carnetId: string): Promise<VoucherStatus[]> {
    const rows: { status: VoucherStatus }[] = await manager.query(`SELECT status FROM vouchers WHERE carnet_id = $1`, [carnetId]);
    return rows.map((row) => row.status);
  }

  /**
   * Appends cancelled chèques to the revocation list. The advisory lock is held until commit, so a
   * transaction that appends later also commits later: a reader never sees version N+1 before N.
   * @returns the highest version written, or null when there was nothing to append.
   */
  async appendRevocations(manager: EntityManager, vouchers: CancelledVoucher[], reason: string): Promise<string | null> {
    if (vouchers.length === 0) return null;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REVOCATION_APPEND_LOCK]);
    const rows: { version: string }[] = await manager.query(
      `INSERT INTO voucher_revocations (voucher_id, serial, expires_at, reason)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[])
       RETURNING version`,
      [vouchers.map((v) => v.id), vouchers.map((v) => v.serial), vouchers.map((v) => v.expiresAt), vouchers.map(() => reason)],
    );
    return rows.reduce((max, row) => (BigInt(row.version) > BigInt(max) ? row.version : max), '0');
  }

  async revocationsBetween(since: string, upTo: string, limit: number): Promise<RevocationLine[]> {
    return this.dataSource.manager
      .createQueryBuilder(VoucherRevocationEntity, 'r')
      .select(['r.version', 'r.serial', 'r.reason', 'r.revokedAt', 'r.expiresAt'])
      .where('r.version > :since AND r.version <= :upTo', { since, upTo })
      .orderBy('r.version', 'ASC')
      .limit(limit)
      .getMany();
  }

  async latestRevocationVersion(): Promise<string> {
    const [{ version }] = await this.dataSource.query(`SELECT coalesce(max(version), 0)::text AS version FROM voucher_revocations`);
    return version;
  }
}
