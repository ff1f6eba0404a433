import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a use case in one database transaction. Repositories take the `EntityManager` it hands out,
 * so the change and its audit row commit or roll back together.
 */
@Injectable()
export class TransactionRunner {
  private savepoints = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** READ COMMITTED: the connections' default isolation (see typeorm-options.ts). */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Runs `work` inside a savepoint of the caller's transaction: if it throws, its writes are undone and
   * the transaction stays usable (to record the failure, for instance). The savepoint is released with
   * the transaction, sparing a round trip on success.
   */
  async withinSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await manager.query(`SAVEPOINT ${name}`);
    try {
      return await work();
    } catch (error) {
      // If even this fails (connection lost), the whole transaction is rolled back: report the first error.
      await manager.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw error;
    }
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
