import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Page } from '../../common/http/pagination.query';
import { offsetPage } from '../../database/offset-page';
import { LedgerEntryEntity } from './ledger-entry.entity';
import type { LedgerEntryKind } from './ledger-entry-kind';

export type NewLedgerEntry = Pick<LedgerEntryEntity, 'kind' | 'amountCents' | 'occurredAt'> &
  Partial<
    Pick<
      LedgerEntryEntity,
      'programmeId' | 'funderId' | 'orderId' | 'venueId' | 'voucherId' | 'redemptionId' | 'statementId' | 'reference' | 'reversesEntryId'
    >
  >;

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
    inScope(query, scope);
    const rows: { kind: LedgerEntryKind; total: string }[] = await query.getRawMany();
    return Object.fromEntries(rows.map((row) => [row.kind, row.total]));
  }

  /** Newest first (identity column), in the API's one list shape. */
  list(filter: LedgerScope & { kind?: LedgerEntryKind; limit: number; offset: number }): Promise<Page<LedgerEntryEntity>> {
    const query = inScope(this.dataSource.manager.createQueryBuilder(LedgerEntryEntity, 'l'), filter);
    if (filter.kind) query.andWhere('l.kind = :kind', { kind: filter.kind });
    return offsetPage(query.orderBy('l.id', 'DESC'), filter);
  }
}

const SCOPE_COLUMNS = [
  ['programmeId', 'programme_id'],
  ['funderId', 'funder_id'],
  ['orderId', 'order_id'],
  ['venueId', 'venue_id'],
  ['statementId', 'statement_id'],
] as const;

/** Restricts a query on `ledger_entries l` to the scope's non-empty fields. */
function inScope(query: SelectQueryBuilder<LedgerEntryEntity>, scope: LedgerScope): SelectQueryBuilder<LedgerEntryEntity> {
  for (const [field, column] of SCOPE_COLUMNS) {
    const value = scope[field];
    if (value) query.andWhere(`l.${column} = :${field}`, { [field]: value });
  }
  return query;
}
