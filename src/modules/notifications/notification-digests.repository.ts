import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_VOUCHER_STATUSES, OPEN_CARNET_STATUSES, sqlList } from '../expiry/expiry.rules';

/** Carnets of one order held by one organisation that expire on one day. */
export interface DigestRow {
  organisationId: string;
  expiresAt: Date;
  orderNumber: string;
  carnets: number;
  unusedVouchers: number;
  unusedValueCents: string;
}

/**
 * What the J-30 and J-15 digests list, grouped per organisation that holds the carnets (the funder always;
 * the prescriber structure once they are allocated to it), per expiry day and order.
 */
@Injectable()
export class NotificationDigestsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Carnets in stock, or handed out with none of their chèques used, whose chèques expire within `withinDays`. */
  expiringUnused(withinDays: number): Promise<DigestRow[]> {
    return this.grouped(
      `c.status IN (${sqlList(OPEN_CARNET_STATUSES)})`,
      `e.expires_at > now() AND e.expires_at <= now() + make_interval(days => $1) AND (e.status <> 'issued' OR e.redeemed = 0)`,
      [withinDays],
    );
  }

  /** Carnets still in stock (not handed out) whose distribution has closed (`stopDays` before expiry) and that have not expired yet. */
  distributionClosed(stopDays: number): Promise<DigestRow[]> {
    return this.grouped(
      `c.status IN ('in_stock', 'allocated')`,
      `e.expires_at > now() AND e.expires_at - make_interval(days => $1) <= now()`,
      [stopDays],
    );
  }

  private async grouped(carnetFilter: string, expiryFilter: string, parameters: unknown[]): Promise<DigestRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH carnet_expiry AS (
         SELECT c.id, c.status, c.funder_id, c.prescriber_id, o.number AS order_number,
                min(v.expires_at) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})) AS expires_at,
                count(*) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)}))::int AS unused,
                coalesce(sum(v.face_value_cents) FILTER (WHERE v.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})), 0) AS unused_value,
                count(*) FILTER (WHERE v.status = 'redeemed')::int AS redeemed
           FROM carnets c JOIN orders o ON o.id = c.order_id JOIN vouchers v ON v.carnet_id = c.id
          WHERE ${carnetFilter}
          GROUP BY c.id, c.status, c.funder_id, c.prescriber_id, o.number
       ), selected AS (SELECT * FROM carnet_expiry e WHERE ${expiryFilter}),
       holders AS (
         SELECT funder_id AS organisation_id, * FROM selected
         UNION ALL
         SELECT prescriber_id AS organisation_id, * FROM selected WHERE prescriber_id IS NOT NULL
       )
       SELECT organisation_id, expires_at, order_number, count(*)::int AS carnets, sum(unused)::int AS unused,
              sum(unused_value)::text AS unused_value
         FROM holders GROUP BY organisation_id, expires_at, order_number
        ORDER BY organisation_id, expires_at, order_number`,
      parameters,
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id as string,
      expiresAt: row.expires_at as Date,
      orderNumber: row.order_number as string,
      carnets: row.carnets as number,
      unusedVouchers: row.unused as number,
      unusedValueCents: row.unused_value as string,
    }));
  }
}
