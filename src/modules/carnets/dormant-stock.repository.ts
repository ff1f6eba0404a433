import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NumberRun } from './carnets.rules';

export interface DormantStructureRow {
  prescriberId: string;
  prescriberName: string;
  dormantCarnets: number;
  dormantVouchers: number;
  dormantValueCents: string;
  oldestAllocatedAt: Date;
  handedOutSinceCutoff: number;
  lastHandedOutAt: Date | null;
}

/** Unissued carnets of a ready order, held by a structure since before the cut-off ($2). */
const DORMANT = `c.funder_id = $1 AND c.status = 'allocated' AND c.allocated_at < $2
  AND EXISTS (SELECT 1 FROM orders o WHERE o.id = c.order_id AND o.status = 'ready')`;

@Injectable()
export class DormantStockRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Structures holding dormant carnets of the funder, most dormant carnets first. */
  async structures(
    funderId: string,
    allocatedBefore: Date,
    page: { limit: number; offset: number },
  ): Promise<{ rows: DormantStructureRow[]; total: number }> {
    const rows: Array<DormantStructureRow & { total: number }> = await this.dataSource.query(
      `WITH dormant AS (
         SELECT c.prescriber_id, count(*)::int AS carnets, min(c.allocated_at) AS oldest
           FROM carnets c WHERE ${DORMANT}
          GROUP BY c.prescriber_id)
       SELECT d.prescriber_id AS "prescriberId", org.name AS "prescriberName", d.carnets AS "dormantCarnets", d.oldest AS "oldestAllocatedAt",
              usable.vouchers AS "dormantVouchers", usable.value::text AS "dormantValueCents",
              used.since_cutoff AS "handedOutSinceCutoff", used.last_at AS "lastHandedOutAt",
              count(*) OVER ()::int AS total
         FROM dormant d
         JOIN organisations org ON org.id = d.prescriber_id
         CROSS JOIN LATERAL (
           SELECT count(v.id)::int AS vouchers, coalesce(sum(v.face_value_cents), 0)::bigint AS value
             FROM carnets c JOIN vouchers v ON v.carnet_id = c.id AND v.status = 'allocated'
            WHERE ${DORMANT} AND c.prescriber_id = d.prescriber_id) usable
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE i.issued_at >= $2)::int AS since_cutoff, max(i.issued_at) AS last_at
             FROM carnets i WHERE i.funder_id = $1 AND i.prescriber_id = d.prescriber_id AND i.issued_at IS NOT NULL) used
        ORDER BY d.carnets DESC, org.name, d.prescriber_id
        LIMIT $3 OFFSET $4`,
      [funderId, allocatedBefore, page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.countStructures(funderId, allocatedBefore) : 0);
    return { rows: rows.map(({ total: _total, ...row }) => row), total };
  }

  /**
   * The dormant carnets of these structures as runs of consecutive numbers (gaps and islands: within an
   * order, sequence minus rank is constant along a run), in number order.
   */
  async runs(funderId: string, allocatedBefore: Date, prescriberIds: string[]): Promise<Array<NumberRun & { prescriberId: string }>> {
    if (prescriberIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT prescriber_id AS "prescriberId", min(number) AS "from", max(number) AS "to", count(*)::int AS count
         FROM (SELECT c.prescriber_id, c.order_id, c.number, c.sequence,
                      c.sequence - row_number() OVER (PARTITION BY c.prescriber_id, c.order_id ORDER BY c.sequence) AS island
                 FROM carnets c WHERE ${DORMANT} AND c.prescriber_id = ANY($3::uuid[])) numbered
        GROUP BY prescriber_id, order_id, island
        ORDER BY prescriber_id, min(number)`,
      [funderId, allocatedBefore, prescriberIds],
    );
  }

  private async countStructures(funderId: string, allocatedBefore: Date): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(DISTINCT c.prescriber_id)::int AS total FROM carnets c WHERE ${DORMANT}`, [
      funderId,
      allocatedBefore,
    ]);
    return row.total;
  }
}
