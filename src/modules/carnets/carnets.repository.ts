import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from '../../database/postgres-errors';
import type { Actor } from '../../auth/actor';
import { CARNET_COPY_COLUMNS, VOUCHER_COPY_COLUMNS, type CarnetBatch } from './carnet-batch';
import { CarnetEntity } from './carnet.entity';
import type { CarnetStatus } from './carnet-status';
import type { StockRow } from './carnets.rules';
import { carnetScopeCondition, type CarnetScope } from './carnet-scope';
import { EXPIRABLE_VOUCHER_STATUSES, sqlList } from '../expiry/expiry.rules';

export interface CarnetVoucherSummary {
  expiresAt: Date;
  unused: number;
  used: number;
  expired: number;
  cancelled: number;
}

/** Carnets of one order held by an organisation, all expiring at the same instant. */
export interface HeldCarnetGroup {
  orderId: string;
  orderNumber: string;
  expiresAt: Date;
  carnetCount: number;
  firstCarnetNumber: string;
  lastCarnetNumber: string;
}

export interface MovedCarnet {
  id: string;
  number: string;
  orderId: string;
  sequence: number;
  prescriberId: string | null;
}

export interface CarnetFilter {
  status?: CarnetStatus;
  orderId?: string;
  prescriberId?: string;
  number?: string;
  limit: number;
  offset: number;
}

export type ChunkOutcome =
  | { outcome: 'written'; generationDone: number }
  /** Another run of the job (a stalled one and its retry overlapping) wrote these carnets first. */
  | { outcome: 'already_written' }
  | { outcome: 'not_generating' };

const MOVED_COLUMNS = `c.id, c.number, c.order_id AS "orderId", c.sequence, c.prescriber_id AS "prescriberId"`;
/** Stock only ever contains carnets of orders whose generation finished. */
const READY_ORDER = `EXISTS (SELECT 1 FROM orders o WHERE o.id = c.order_id AND o.status = 'ready')`;

/** Which way carnets move between a funder's stock and one of its prescriber structures. */
export type CarnetMoveDirection = 'allocate' | 'take_back';

interface CarnetMoveSql {
  /** The status the carnets leave (checked again by the UPDATE). */
  from: CarnetStatus;
  /** Which holder's carnets may move: any in the funder's stock, or only the prescriber's when taken back. */
  holder: string;
  set: string;
  /** Allocation takes the lowest numbers first, a take-back the highest. */
  order: 'ASC' | 'DESC';
}

/** `$2` is the prescriber in both directions: set on allocation, matched on take-back. */
const CARNET_MOVES: Record<CarnetMoveDirection, CarnetMoveSql> = {
  allocate: {
    from: 'in_stock',
    holder: 'TRUE',
    set: `status = 'allocated', prescriber_id = $2, allocated_at = now(), updated_at = now()`,
    order: 'ASC',
  },
  take_back: {
    from: 'allocated',
    holder: 'c.prescriber_id = $2',
    set: `status = 'in_stock', prescriber_id = NULL, allocated_at = NULL, updated_at = now()`,
    order: 'DESC',
  },
};

@Injectable()
export class CarnetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes one generation chunk in one transaction: the carnets, their chèques and the order's
   * progress commit together or not at all, so a killed worker never leaves a half-written chunk.
   * Chunks of one order may be written in parallel (progress is a sum); the unique index on
   * (order, sequence) refuses a chunk another run of the job already wrote.
   */
  async writeGenerationChunk(orderId: string, batch: CarnetBatch): Promise<ChunkOutcome> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction('READ COMMITTED');
      await copyRows(client, 'carnets', CARNET_COPY_COLUMNS, batch.carnetRows);
      await copyRows(client, 'vouchers', VOUCHER_COPY_COLUMNS, batch.voucherRows);
      // Last statement before the commit: the order row is locked only for the commit itself.
      const [rows] = await runner.query(
        `UPDATE orders SET generation_done = generation_done + $2, updated_at = now() WHERE id = $1 AND status = 'generating' RETURNING generation_done`,
        [orderId, batch.carnetCount],
      );
      if (rows.length === 0) {
        await runner.rollbackTransaction();
        return { outcome: 'not_generating' };
      }
      await runner.commitTransaction();
      return { outcome: 'written', generationDone: rows[0].generation_done };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      // Whichever of the two indexes PostgreSQL checks first reports it: same carnet, same (order, sequence).
      if (isUniqueViolation(error, 'uq_carnets_order_sequence') || isUniqueViolation(error, 'uq_carnets_number'))
        return { outcome: 'already_written' };
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Runs of carnet sequences of the order not generated yet, e.g. `[{ first: 2001, last: 4000 }]` after a crash. */
  async missingSequenceRanges(orderId: string, carnetCount: number): Promise<Array<{ first: number; last: number }>> {
    return this.dataSource.query(
      `SELECT min(s)::int AS first, max(s)::int AS last
         FROM (SELECT s, s - row_number() OVER (ORDER BY s) AS run
                 FROM generate_series(1, $2::int) s
                WHERE NOT EXISTS (SELECT 1 FROM carnets c WHERE c.order_id = $1 AND c.sequence = s)) missing
        GROUP BY run ORDER BY first`,
      [orderId, carnetCount],
    );
  }

  /** Rows actually present for an order, checked before its stock is made visible. */
  async countGenerated(manager: EntityManager, orderId: string): Promise<{ carnets: number; vouchers: number }> {
    const [row] = await manager.query(
      `SELECT (SELECT count(*) FROM carnets WHERE order_id = $1)::int AS carnets,
              (SELECT count(*) FROM vouchers WHERE order_id = $1)::int AS vouchers`,
      [orderId],
    );
    return row;
  }

  /** Expiry of the chèques already generated for an order: a resumed job keeps the same date for the whole order. */
  async generatedExpiry(orderId: string): Promise<Date | null> {
    const rows: { expires_at: Date }[] = await this.dataSource.query(`SELECT expires_at FROM vouchers WHERE order_id = $1 LIMIT 1`, [
      orderId,
    ]);
    return rows[0]?.expires_at ?? null;
  }

  /** A carnet of the funder, by its printed number (any status, ready orders only). */
  findFunderCarnetByNumber(manager: EntityManager, funderId: string, number: string): Promise<CarnetEntity | null> {
    return manager
      .createQueryBuilder(CarnetEntity, 'c')
      .where('c.number = :number AND c.funder_id = :funderId', { number, funderId })
      .andWhere(READY_ORDER)
      .getOne();
  }

  /**
   * Moves up to `count` carnets of the funder: the first ones in stock (lowest numbers first) to the
   * prescriber, or the prescriber's last unissued ones (highest numbers first) back to the stock. Rows
   * another transaction is moving are skipped, not waited for: two moves never pick the same carnet.
   */
  async moveByCount(
    manager: EntityManager,
    direction: CarnetMoveDirection,
    funderId: string,
    prescriberId: string,
    count: number,
    orderId?: string,
  ): Promise<MovedCarnet[]> {
    const move = CARNET_MOVES[direction];
    return manager
      .query(
        `WITH picked AS (
         SELECT c.id FROM carnets c JOIN orders o ON o.id = c.order_id
          WHERE c.funder_id = $1 AND ${move.holder} AND c.status = '${move.from}' AND o.status = 'ready' AND ($4::uuid IS NULL OR c.order_id = $4)
          ORDER BY o.sequence ${move.order}, c.sequence ${move.order}
          LIMIT $3
          FOR UPDATE OF c SKIP LOCKED)
       UPDATE carnets c SET ${move.set}
         FROM picked WHERE c.id = picked.id AND c.status = '${move.from}'
       RETURNING ${MOVED_COLUMNS}`,
        [funderId, prescriberId, count, orderId ?? null],
      )
      .then(([rows]) => rows);
  }

  /** Moves every carnet of the range that is where the move starts; the caller refuses a partial range. */
  async moveRange(
    manager: EntityManager,
    direction: CarnetMoveDirection,
    funderId: string,
    prescriberId: string,
    orderId: string,
    fromSequence: number,
    toSequence: number,
  ): Promise<MovedCarnet[]> {
    const move = CARNET_MOVES[direction];
    return manager
      .query(
        `UPDATE carnets c SET ${move.set}
        WHERE c.funder_id = $1 AND ${move.holder} AND c.order_id = $3 AND c.sequence BETWEEN $4 AND $5
          AND c.status = '${move.from}' AND ${READY_ORDER}
       RETURNING ${MOVED_COLUMNS}`,
        [funderId, prescriberId, orderId, fromSequence, toSequence],
      )
      .then(([rows]) => rows);
  }

  /** Chèques follow their carnet; only those still in the expected state move (a chèque put in opposition stays cancelled). */
  async moveVouchersOfCarnets(
    manager: EntityManager,
    carnetIds: string[],
    from: 'active' | 'allocated',
    to: 'active' | 'allocated',
  ): Promise<number> {
    const [, affected] = await manager.query(`UPDATE vouchers SET status = $3 WHERE carnet_id = ANY($1::uuid[]) AND status = $2`, [
      carnetIds,
      from,
      to,
    ]);
    return affected;
  }

  async list(actor: Actor, filter: CarnetFilter): Promise<{ items: CarnetEntity[]; total: number }> {
    // limit/offset rather than take/skip: the join is a plain table, not a relation to paginate around.
    const query = this.scopedToActor(this.dataSource.manager.createQueryBuilder(CarnetEntity, 'c'), actor)
      .innerJoin('orders', 'ord', `ord.id = c.order_id AND ord.status = 'ready'`)
      .orderBy('ord.sequence', 'ASC')
      .addOrderBy('c.sequence', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.orderId) query.andWhere('c.order_id = :orderId', { orderId: filter.orderId });
    if (filter.prescriberId) query.andWhere('c.prescriber_id = :prescriberId', { prescriberId: filter.prescriberId });
    if (filter.number) query.andWhere('c.number = :number', { number: filter.number });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** Expiry and chèque counts by outcome of each carnet (through the (carnet, position) index). */
  async voucherSummaries(carnetIds: readonly string[]): Promise<Map<string, CarnetVoucherSummary>> {
    if (carnetIds.length === 0) return new Map();
    const rows: Array<CarnetVoucherSummary & { carnetId: string }> = await this.dataSource.query(
      `SELECT carnet_id AS "carnetId", max(expires_at) AS "expiresAt",
              count(*) FILTER (WHERE status IN (${sqlList(EXPIRABLE_VOUCHER_STATUSES)}))::int AS unused,
              count(*) FILTER (WHERE status = 'redeemed')::int AS used,
              count(*) FILTER (WHERE status = 'expired')::int AS expired,
              count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
         FROM vouchers WHERE carnet_id = ANY($1::uuid[])
        GROUP BY carnet_id`,
      [carnetIds],
    );
    return new Map(rows.map(({ carnetId, ...summary }) => [carnetId, summary]));
  }

  /**
   * Carnets the organisation holds (in its stock, not handed out) grouped by order and expiry: what the
   * J-30 and J-15 alerts are made of. Carnets already expired are the expiry job's, not an alert.
   */
  heldByExpiry(scope: CarnetScope): Promise<HeldCarnetGroup[]> {
    return this.dataSource.query(
      `SELECT o.id AS "orderId", o.number AS "orderNumber", e.expires_at AS "expiresAt", count(*)::int AS "carnetCount",
              min(c.number) AS "firstCarnetNumber", max(c.number) AS "lastCarnetNumber"
         FROM carnets c
         JOIN orders o ON o.id = c.order_id AND o.status = 'ready'
         CROSS JOIN LATERAL (SELECT max(v.expires_at) AS expires_at FROM vouchers v WHERE v.carnet_id = c.id) e
        WHERE ${carnetScopeCondition(scope, 'c', '$1')} AND c.status IN ('in_stock', 'allocated') AND e.expires_at > now()
        GROUP BY o.id, o.number, o.sequence, e.expires_at
        ORDER BY e.expires_at, o.sequence`,
      [scope.organisationId],
    );
  }

  /** Carnet counts of ready orders by order, holder and status, for the stock views. */
  async stockCounts(scope: { funderId: string } | { prescriberId: string }): Promise<StockRow[]> {
    const [column, id] = 'funderId' in scope ? ['c.funder_id', scope.funderId] : ['c.prescriber_id', scope.prescriberId];
    return this.dataSource.query(
      `SELECT o.id AS "orderId", o.number AS "orderNumber", o.carnet_size AS "carnetSize", c.funder_id AS "funderId",
              c.prescriber_id AS "prescriberId", c.status, count(*)::int AS count
         FROM carnets c JOIN orders o ON o.id = c.order_id
        WHERE ${column} = $1 AND o.status = 'ready'
        GROUP BY o.id, o.number, o.carnet_size, o.sequence, c.funder_id, c.prescriber_id, c.status
        ORDER BY o.sequence, c.prescriber_id NULLS FIRST, c.status`,
      [id],
    );
  }

  private scopedToActor(query: SelectQueryBuilder<CarnetEntity>, actor: Actor): SelectQueryBuilder<CarnetEntity> {
    switch (actor.organisationKind) {
      case 'anct':
        return query.where('TRUE');
      case 'funder':
        return query.where('c.funder_id = :actorId', { actorId: actor.organisationId });
      case 'prescriber':
        return query.where('c.prescriber_id = :actorId', { actorId: actor.organisationId });
      default:
        return query.where('FALSE');
    }
  }
}

async function copyRows(client: PoolClient, table: string, columns: readonly string[], stream: Buffer): Promise<void> {
  await pipeline(Readable.from([stream]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`)));
}
