import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LedgerEntryEntity } from './ledger-entry.entity';
import type { LedgerEntryKind } from './ledger-entry-kind';

export type NewLedgerEntry = Pick<LedgerEntryEntity, 'kind' | 'amountCents' | 'occurredAt'> &
  Partial<Pick<LedgerEntryEntity, 'programmeId' | 'funderId' | 'orderId' | 'venueId' | 'voucherId' | 'redemptionId' | 'statementId' | 'reference' | 'reversesEntryId'>>;

export interface LedgerScope {
  programmeId?: string;
  funderId?: string;
  orderId?: string;
  venueId?: string;
  statementId?: string;
}

/** Append-only money lines (the table refuses UPDATE and DELETE); balances are always sums. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Written through the caller's transaction, with the state change the money follows. */
  async append(manager: EntityManager, entries: NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(LedgerEntryEntity, entries as QueryDeepPartialEntity<LedgerEntryEntity>[]);
  }

  /** An order's money lines in the order they were recorded. */
  listByOrder(orderId: string, manager?: EntityManager): Promise<LedgerEntryEntity[]> {
    return (manager ?? this.dataSource.manager).find(LedgerEntryEntity, { where: { orderId }, order: { id: 'ASC' } });
  }

  /** Sum of amounts per kind within a scope, as exact decimal strings of cents. */
  async totalsByKind(scope: LedgerScope, manager?: EntityManager): Promise<Partial<Record<LedgerEntryKind, string>>> {
    const query = (manager ?? this.dataSource.manager)
      .createQueryBuilder(LedgerEntryEntity, 'l')
      .select('l.kind', 'kind')
      .addSelect('SUM(l.amount_cents)::text', 'total')
      .groupBy('l.kind');
    for (const [field, column] of [
      ['programmeId', 'programme_id'],
      ['funderId', 'funder_id'],
      ['orderId', 'order_id'],
      ['venueId', 'venue_id'],
      ['statementId', 'statement_id'],
    ] as const) {
      const value = scope[field];
      if (value) query.andWhere(`l.${column} = :${field}`, { [field]: value });
    }
    const rows: { kind: LedgerEntryKind; total: string }[] = await query.getRawMany();
    return Object.fromEntries(rows.map((row) => [row.kind, row.total]));
  }

  /** Newest first, keyset-paginated on the identity column. */
  async list(filter: LedgerScope & { kind?: LedgerEntryKind; cursor?: string; limit: number }): Promise<{ items: LedgerEntryEntity[]; nextCursor: string | null }> {
    const query = this.dataSource.manager
      .createQueryBuilder(LedgerEntryEntity, 'l')
      .orderBy('l.id', 'DESC')
      .limit(filter.limit + 1);
    for (const [field, column] of [
      ['programmeId', 'programme_id'],
      ['funderId', 'funder_id'],
      ['orderId', 'order_id'],
      ['venueId', 'venue_id'],
      ['statementId', 'statement_id'],
      ['kind', 'kind'],
    ] as const) {
      const value = filter[field];
      if (value) query.andWhere(`l.${column} = :${field}`, { [field]: value });
    }
    if (filter.cursor) query.andWhere('l.id < :cursor', { cursor: filter.cursor });
    const rows = await query.getMany();
    const items = rows.slice(0, filter.limit);
    return { items, nextCursor: rows.length > filter.limit ? items[items.length - 1].id : null };
  }
}
