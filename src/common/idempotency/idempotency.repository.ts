import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

@Injectable()
export class IdempotencyRepository {
  /**
   * Transaction-scoped advisory lock on (organisation, key): held by the request that is running, so a
   * concurrent retry learns at once that it is in progress instead of waiting or acting twice.
   */
  async tryLock(manager: EntityManager, organisationId: string, key: string): Promise<boolean> {
    const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [
      `idempotency:${organisationId}:${key}`,
    ]);
    return locked;
  }

  find(manager: EntityManager, organisationId: string, key: string): Promise<IdempotencyRecordEntity | null> {
    return manager.findOneBy(IdempotencyRecordEntity, { organisationId, key });
  }

  async insert(manager: EntityManager, record: Omit<IdempotencyRecordEntity, 'createdAt'>): Promise<void> {
    await manager.insert(IdempotencyRecordEntity, record as QueryDeepPartialEntity<IdempotencyRecordEntity>);
  }
}
