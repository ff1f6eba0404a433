import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  EXPIRABLE_VOUCHER_STATUSES,
  LIVE_VOUCHER_STATUSES,
  OPEN_CARNET_STATUSES,
  redeemableUntilSql,
  sqlList,
  UNUSED_FINAL_VOUCHER_STATUSES,
} from './expiry.rules';

export interface ExpiredInOrder {
  vouchers: number;
  carnets: number;
}

export interface OrderToCredit {
  orderId: string;
  funderId: string;
  programmeId: string;
}

export interface UnusedValue {
  expiredCount: number;
  cancelledCount: number;
  unusedCents: string;
  liveCount: number;
}

export interface ExpiryWarning {
  carnetId: string;
  carnetNumber: string;
  carnetStatus: string;
  funderId: string;
  prescriberId: string | null;
  prescriberName: string | null;
  orderNumber: string;
  expiresAt: Date;
  redeemableUntil: Date;
  unusedVouchers: number;
  unusedValueCents: string;
}

@Injectable()
export class ExpiryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Orders with at least one chèque past validity + grace and not yet expired. */
  async ordersWithExpirableVouchers(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM orders o JOIN programmes p ON p.id = o.programme_id
       WHERE EXISTS (
         SELECT 1 FROM vouchers v
         WHERE v.order_id = o.id AND v.status IN (${sqlList(EXPIRABLE_VOUCHER_STATUSES)}) AND ${redeemableUntilSql('v', 'p')} < now()
       )
       ORDER BY o.number`,
    );
    return rows.map((row) => row.id);
  }

  /** Serialises expiry and credit note of one order between overlapping runs. */
  async lockOrder(manager: EntityManager, orderId: string): Promise<{ funderId: string; programmeId: string }> {
    const [row] = await manager.query(`SELECT funder_id, programme_id FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    return { funderId: row.funder_id, programmeId: row.programme_id };
  }

  /**
   * Expires the order's chèques past validity + grace (conditional on their state: a concurrent
   * redemption wins or loses cleanly), then closes the carnets left with no live chèque.
   */
  async expireOrder(manager: EntityManager, orderId: string): Promise<ExpiredInOrder> {
    const [vouchers] = await manager.query(
      `WITH expired AS (
         UPDATE vouchers v SET status = 'expired'
         FROM orders o JOIN programmes p ON p.id = o.programme_id
         WHERE o.id = $1 AND v.order_id = o.id AND v.status IN (${sqlList(EXPIRABLE_VOUCHER_STATUSES)})
           AND ${redeemableUntilSql('v', 'p')} < now()
         RETURNING v.id
       ) SELECT count(*)::int AS count FROM expired`,
      [orderId],
    );
    const [carnets] = await manager.query(
      `WITH closed AS (
         UPDATE carnets c SET status = 'expired'
         WHERE c.order_id = $1 AND c.status IN (${sqlList(OPEN_CARNET_STATUSES)})
           AND EXISTS (SELECT 1 FROM vouchers v WHERE v.carnet_id = c.id AND v.status = 'expired')
           AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.carnet_id = c.id AND v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)}))
         RETURNING c.id
       ) SELECT count(*)::int AS count FROM closed`,
      [orderId],
    );
    return { vouchers: vouchers.count, carnets: carnets.count };
  }

  /** Orders whose every chèque is past validity + grace and final, without a credit note yet. */
  async ordersToCredit(): Promise<OrderToCredit[]> {
    const rows: { id: string; funder_id: string; programme_id: string }[] = await this.dataSource.query(
      `SELECT o.id, o.funder_id, o.programme_id FROM orders o JOIN programmes p ON p.id = o.programme_id
       WHERE EXISTS (SELECT 1 FROM vouchers v WHERE v.order_id = o.id)
         AND NOT EXISTS (
           SELECT 1 FROM vouchers v WHERE v.order_id = o.id
             AND (v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)}) OR ${redeemableUntilSql('v', 'p')} >= now())
         )
         AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.order_id = o.id AND l.kind = 'expired_value_credit_note')
       ORDER BY o.number`,
    );
    return rows.map((row) => ({ orderId: row.id, funderId: row.funder_id, programmeId: row.programme_id }));
  }

  async unusedValue(manager: EntityManager, orderId: string): Promise<UnusedValue> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE status IN (${sqlList(LIVE_VOUCHER_STATUSES)}))::int AS live,
              coalesce(sum(face_value_cents) FILTER (WHERE status IN (${sqlList(UNUSED_FINAL_VOUCHER_STATUSES)})), 0)::text AS unused
       FROM vouchers WHERE order_id = $1`,
      [orderId],
    );
    return { expiredCount: row.expired, cancelledCount: row.cancelled, liveCount: row.live, unusedCents: row.unused };
  }

  async hasCreditNote(manager: EntityManager, orderId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM ledger_entries WHERE order_id = $1 AND kind = 'expired_value_credit_note' LIMIT 1`, [
      orderId,
    ]);
    return rows.length > 0;
  }

  /**
   * Carnets whose validity ends within `withinDays` and still in stock (funder or prescriber), or
   * handed out with none of their chèques used yet: what a funder can still reallocate or chase.
   */
  async warnings(filter: {
    funderId?: string;
    withinDays: number;
    limit: number;
    offset: number;
  }): Promise<{ items: ExpiryWarning[]; total: number }> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH carnet_expiry AS (
         SELECT c.id, c.number, c.status, c.funder_id, c.prescriber_id, o.number AS order_number,
                min(v.expires_at) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})) AS expires_at,
                min(${redeemableUntilSql('v', 'p')}) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})) AS redeemable_until,
                count(*) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)}))::int AS unused,
                coalesce(sum(v.face_value_cents) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})), 0)::text AS unused_value,
                count(*) FILTER (WHERE v.status = 'redeemed')::int AS redeemed
         FROM carnets c
         JOIN orders o ON o.id = c.order_id
         JOIN programmes p ON p.id = o.programme_id
         JOIN vouchers v ON v.carnet_id = c.id
         WHERE c.status IN (${sqlList(OPEN_CARNET_STATUSES)}) AND ($1::uuid IS NULL OR c.funder_id = $1)
         GROUP BY c.id, c.number, c.status, c.funder_id, c.prescriber_id, o.number
       )
       SELECT e.*, pr.name AS prescriber_name, count(*) OVER () AS total
       FROM carnet_expiry e LEFT JOIN organisations pr ON pr.id = e.prescriber_id
       WHERE e.expires_at > now() AND e.expires_at <= now() + make_interval(days => $2)
         AND (e.status <> 'issued' OR e.redeemed = 0)
       ORDER BY e.expires_at, e.number
       LIMIT $3 OFFSET $4`,
      [filter.funderId ?? null, filter.withinDays, filter.limit, filter.offset],
    );
    return {
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      items: rows.map((row) => ({
        carnetId: row.id as string,
        carnetNumber: row.number as string,
        carnetStatus: row.status as string,
        funderId: row.funder_id as string,
        prescriberId: row.prescriber_id as string | null,
        prescriberName: row.prescriber_name as string | null,
        orderNumber: row.order_number as string,
        expiresAt: row.expires_at as Date,
        redeemableUntil: row.redeemable_until as Date,
        unusedVouchers: row.unused as number,
        unusedValueCents: row.unused_value as string,
      })),
    };
  }
}
