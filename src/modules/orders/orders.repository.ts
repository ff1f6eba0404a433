import type { Page } from '../../common/http/pagination.query';
import { offsetPage } from '../../database/offset-page';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { OrderEntity } from './order.entity';
import type { OrderStatus } from './order-status';
import { LIVE_ORDER_STATUSES } from './orders.rules';

export interface OrderFilter {
  status?: OrderStatus;
  programmeId?: string;
  funderId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class OrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** From the `order_number_seq` sequence: unique without a read-then-write race (a rolled-back order leaves a gap). */
  async nextSequence(manager: EntityManager): Promise<number> {
    const [{ sequence }] = await manager.query(`SELECT nextval('order_number_seq')::int AS sequence`);
    return sequence;
  }

  insert(manager: EntityManager, values: Partial<OrderEntity>): Promise<OrderEntity> {
    const repository = manager.getRepository(OrderEntity);
    return repository.save(repository.create(values));
  }

  async update(manager: EntityManager, id: string, values: Partial<OrderEntity>): Promise<OrderEntity> {
    await manager.update(OrderEntity, { id }, values);
    return manager.findOneByOrFail(OrderEntity, { id });
  }

  findById(id: string, manager?: EntityManager): Promise<OrderEntity | null> {
    return this.manager(manager).findOneBy(OrderEntity, { id });
  }

  findVisibleTo(actor: Actor, id: string): Promise<OrderEntity | null> {
    return this.scopedToActor(this.dataSource.manager.createQueryBuilder(OrderEntity, 'o'), actor).andWhere('o.id = :id', { id }).getOne();
  }

  /**
   * Locks the order row for a state change: a concurrent change of the same order waits, then sees
   * the new state and is refused. Another funder's order is not found.
   */
  findVisibleToForUpdate(manager: EntityManager, actor: Actor, id: string): Promise<OrderEntity | null> {
    return this.scopedToActor(manager.createQueryBuilder(OrderEntity, 'o'), actor)
      .andWhere('o.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The job's own access (no actor): locks the row like any other state change. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<OrderEntity | null> {
    return manager.createQueryBuilder(OrderEntity, 'o').where('o.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async list(actor: Actor, filter: OrderFilter): Promise<Page<OrderEntity>> {
    const query = this.scopedToActor(this.dataSource.manager.createQueryBuilder(OrderEntity, 'o'), actor)
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC');
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.programmeId) query.andWhere('o.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.funderId) query.andWhere('o.funder_id = :funderId', { funderId: filter.funderId });
    return offsetPage(query, filter);
  }

  /** Sum of the maximum State shares of the funder's live orders in a programme, in cents. */
  async reservedStateShare(programmeId: string, funderId: string, manager?: EntityManager): Promise<bigint> {
    const [{ reserved }] = await this.manager(manager).query(
      `SELECT COALESCE(SUM(max_state_share_cents), 0)::text AS reserved
         FROM orders WHERE programme_id = $1 AND funder_id = $2 AND status = ANY($3)`,
      [programmeId, funderId, LIVE_ORDER_STATUSES],
    );
    return BigInt(reserved);
  }

  /** Orders whose chèques are owed but not (fully) generated: what a starting worker makes sure is queued. */
  async idsAwaitingGeneration(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM orders WHERE status IN ('paid', 'generating') ORDER BY paid_at`,
    );
    return rows.map((row) => row.id);
  }

  private scopedToActor(query: SelectQueryBuilder<OrderEntity>, actor: Actor): SelectQueryBuilder<OrderEntity> {
    if (actor.organisationKind === 'anct') return query.where('TRUE');
    // Only funders own orders; any other caller reaching here sees nothing.
    return query.where('o.funder_id = :actorFunderId', {
      actorFunderId: actor.organisationKind === 'funder' ? actor.organisationId : null,
    });
  }
}
