import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { setLocalAnalyticalSettings } from '../../database/analytical-settings';
import { TransactionRunner } from '../../database/transaction-runner';
import type { AnomalyKind } from './anomaly-kind';
import type { ReconciliationCheck } from './reconciliation.checks';
import { ReconciliationAnomalyEntity } from './reconciliation-anomaly.entity';

@Injectable()
export class ReconciliationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Every check of a run sees the same database: one REPEATABLE READ snapshot. */
  inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(async (manager) => {
      for (const setting of setLocalAnalyticalSettings()) await manager.query(setting);
      return work(manager);
    }, 'REPEATABLE READ');
  }

  /** Records what one check finds, inside the database; returns how many anomalies it found. */
  async recordAnomalies(manager: EntityManager, runId: string, check: ReconciliationCheck): Promise<number> {
    const [row] = await manager.query(
      `WITH found AS (${check.sql}),
       inserted AS (
         INSERT INTO reconciliation_anomalies (run_id, kind, object_type, object_id, related, expected_cents, actual_cents, details)
         SELECT $1, $2, found.* FROM found
         RETURNING 1
       )
       SELECT count(*)::int AS count FROM inserted`,
      [runId, check.kind],
    );
    return row.count;
  }

  async list(filter: {
    runId: string;
    kind?: AnomalyKind;
    limit: number;
    offset: number;
  }): Promise<{ items: ReconciliationAnomalyEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(ReconciliationAnomalyEntity, {
      where: filter.kind ? { runId: filter.runId, kind: filter.kind } : { runId: filter.runId },
      order: { id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }
}
