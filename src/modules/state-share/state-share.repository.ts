import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StateShareComputationEntity } from './state-share-computation.entity';

/**
 * Value redeemed as of an instant: redemptions recorded by then and not cancelled by then. The
 * computation and the reconciliation check use this same definition, so they agree by construction.
 */
export const redeemedAsOf = (asOf: string): string => `r.recorded_at <= ${asOf} AND (r.cancelled_at IS NULL OR r.cancelled_at > ${asOf})`;

export interface RedeemedValue {
  programmeId: string;
  funderId: string;
  redeemedCents: string;
}

export interface StateShareTerms {
  rateBp: number;
  capCents: string;
}

export interface StateShareLine {
  funderId: string;
  funderName: string;
  rateBp: number;
  capCents: string;
  redeemedValueCents: string;
  dueRecordedCents: string;
  paidCents: string;
  /** Cut-off of the last computation: redemptions recorded up to it were counted. */
  countedUpTo: Date | null;
  /** When the last computation ran. */
  lastComputedAt: Date | null;
  /** Active redemptions recorded after that cut-off: the next computation counts them. */
  notYetCountedRedemptions: number;
  notYetCountedValueCents: string;
}

/** Funders with an enrolment or an order in the programme `$1`. */
const FUNDERS_OF_PROGRAMME = `pairs AS (
  SELECT funder_id FROM programme_enrolments WHERE programme_id = $1
  UNION SELECT funder_id FROM orders WHERE programme_id = $1
)`;

@Injectable()
export class StateShareRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * When a run starts, and the cut-off it counts redemptions up to: `settlingSeconds` before it, so
   * that a redemption whose transaction began before and commits after this read is counted next
   * time, never lost.
   */
  async computationInstants(settlingSeconds: number): Promise<{ ranAt: Date; countedUpTo: Date }> {
    const [row] = await this.dataSource.query(`SELECT now() AS ran_at, now() - make_interval(secs => $1) AS counted_up_to`, [
      settlingSeconds,
    ]);
    return { ranAt: row.ran_at, countedUpTo: row.counted_up_to };
  }

  /** Active redemptions recorded after the cut-off (up to `ranAt`): what a run leaves for the next one. */
  async recordedAfter(countedUpTo: Date, ranAt: Date): Promise<{ redemptions: number; valueCents: string }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS redemptions, coalesce(sum(value_cents), 0)::text AS value_cents
         FROM redemptions WHERE recorded_at > $1 AND recorded_at <= $2 AND cancelled_at IS NULL`,
      [countedUpTo, ranAt],
    );
    return { redemptions: row.redemptions, valueCents: row.value_cents };
  }

  /** Every funder of every programme it ordered in or is enrolled in, with its value redeemed as of `asOf`. */
  async redeemedValues(asOf: Date): Promise<RedeemedValue[]> {
    const rows: { programme_id: string; funder_id: string; redeemed: string }[] = await this.dataSource.query(
      `WITH pairs AS (
         SELECT programme_id, funder_id FROM programme_enrolments
         UNION SELECT programme_id, funder_id FROM orders
       ),
       redeemed AS (
         SELECT o.programme_id, r.funder_id, sum(r.value_cents) AS redeemed
         FROM redemptions r JOIN orders o ON o.id = r.order_id
         WHERE ${redeemedAsOf('$1')}
         GROUP BY o.programme_id, r.funder_id
       )
       SELECT p.programme_id, p.funder_id, coalesce(r.redeemed, 0)::text AS redeemed
       FROM pairs p LEFT JOIN redeemed r USING (programme_id, funder_id)
       ORDER BY p.programme_id, p.funder_id`,
      [asOf],
    );
    return rows.map((row) => ({ programmeId: row.programme_id, funderId: row.funder_id, redeemedCents: row.redeemed }));
  }

  /** Serialises every money move of one funder's State share (computations and payments). */
  async lockFunderShare(manager: EntityManager, programmeId: string, funderId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('state_share:' || $1 || ':' || $2, 0))`, [programmeId, funderId]);
  }

  /** The programme's rate and the funder's envelope (the programme's default cap when not enrolled). */
  async terms(manager: EntityManager, programmeId: string, funderId: string): Promise<StateShareTerms | null> {
    const [row] = await manager.query(
      `SELECT p.state_share_rate_bp AS rate_bp, coalesce(e.envelope_cents, p.default_funder_cap_cents)::text AS cap
       FROM programmes p LEFT JOIN programme_enrolments e ON e.programme_id = p.id AND e.funder_id = $2
       WHERE p.id = $1`,
      [programmeId, funderId],
    );
    return row ? { rateBp: row.rate_bp, capCents: row.cap } : null;
  }

  async ledgerTotals(manager: EntityManager, programmeId: string, funderId: string): Promise<{ dueCents: bigint; paidCents: bigint }> {
    const [row] = await manager.query(
      `SELECT coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_due'), 0)::text AS due,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'state_share_paid'), 0)::text AS paid
       FROM ledger_entries
       WHERE programme_id = $1 AND funder_id = $2 AND kind IN ('state_share_due', 'state_share_paid')`,
      [programmeId, funderId],
    );
    return { dueCents: BigInt(row.due), paidCents: BigInt(row.paid) };
  }

  findComputation(manager: EntityManager, programmeId: string, funderId: string): Promise<StateShareComputationEntity | null> {
    return manager.findOneBy(StateShareComputationEntity, { programmeId, funderId });
  }

  async saveComputation(manager: EntityManager, values: Omit<StateShareComputationEntity, 'updatedAt'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(StateShareComputationEntity)
      .values(values)
      .orUpdate(['as_of', 'redeemed_value_cents', 'rate_bp', 'cap_cents', 'due_cents', 'updated_at'], ['programme_id', 'funder_id'])
      .execute();
  }

  /** One line per funder of the programme (or only `funderId`): terms, value redeemed now, ledger totals. */
  /** One page of the programme's funders (by name), with how many there are in all. */
  async linesOfProgramme(
    programmeId: string,
    funderId: string | undefined,
    page: { limit: number; offset: number },
  ): Promise<{ items: StateShareLine[]; total: number }> {
    const [rows, [{ total }]]: [Array<Record<string, string | number | Date | null>>, Array<{ total: number }>] = await Promise.all([
      this.dataSource.query(
        `WITH ${FUNDERS_OF_PROGRAMME}
       SELECT f.id AS funder_id, f.name AS funder_name, p.state_share_rate_bp AS rate_bp,
              coalesce(e.envelope_cents, p.default_funder_cap_cents)::text AS cap,
              (SELECT coalesce(sum(r.value_cents), 0) FROM redemptions r JOIN orders o ON o.id = r.order_id
                WHERE o.programme_id = $1 AND r.funder_id = f.id AND r.cancelled_at IS NULL)::text AS redeemed,
              (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l
                WHERE l.programme_id = $1 AND l.funder_id = f.id AND l.kind = 'state_share_due')::text AS due,
              (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries l
                WHERE l.programme_id = $1 AND l.funder_id = f.id AND l.kind = 'state_share_paid')::text AS paid,
              c.as_of AS counted_up_to, c.updated_at AS last_computed_at,
              later.redemptions AS not_yet_counted, later.value_cents AS not_yet_counted_value
       FROM pairs JOIN organisations f ON f.id = pairs.funder_id
       JOIN programmes p ON p.id = $1
       LEFT JOIN programme_enrolments e ON e.programme_id = $1 AND e.funder_id = f.id
       LEFT JOIN state_share_computations c ON c.programme_id = $1 AND c.funder_id = f.id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS redemptions, coalesce(sum(r.value_cents), 0)::text AS value_cents
           FROM redemptions r JOIN orders o ON o.id = r.order_id
          WHERE o.programme_id = $1 AND r.funder_id = f.id AND r.cancelled_at IS NULL
            AND (c.as_of IS NULL OR r.recorded_at > c.as_of)
       ) later
       WHERE $2::uuid IS NULL OR f.id = $2
       ORDER BY f.name, f.id
       LIMIT $3 OFFSET $4`,
        [programmeId, funderId ?? null, page.limit, page.offset],
      ),
      this.dataSource.query(
        `WITH ${FUNDERS_OF_PROGRAMME} SELECT count(*)::int AS total FROM pairs WHERE $2::uuid IS NULL OR pairs.funder_id = $2`,
        [programmeId, funderId ?? null],
      ),
    ]);
    const items = rows.map((row) => ({
      funderId: row.funder_id as string,
      funderName: row.funder_name as string,
      rateBp: row.rate_bp as number,
      capCents: row.cap as string,
      redeemedValueCents: row.redeemed as string,
      dueRecordedCents: row.due as string,
      paidCents: row.paid as string,
      countedUpTo: row.counted_up_to as Date | null,
      lastComputedAt: row.last_computed_at as Date | null,
      notYetCountedRedemptions: row.not_yet_counted as number,
      notYetCountedValueCents: row.not_yet_counted_value as string,
    }));
    return { items, total };
  }

  async programmeExists(programmeId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM programmes WHERE id = $1`, [programmeId]);
    return rows.length > 0;
  }
}
