import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * Runs a use case in one database transaction. Repositories take the `EntityManager` it hands out,
 * so the change and its audit row commit or roll back together.
 */
@Injectable()
export class TransactionRunner {
  private savepoints = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * READ COMMITTED unless `isolation` says otherwise (a snapshot over several statements): the
   * connections' default (see typeorm-options.ts).
   *
   * When PostgreSQL ends the connection between two statements (a restart, a failover, a terminated
   * backend), TypeORM hands it back to the pool at once and the next statement only says that it was
   * released. The transaction then fails with what ended the connection, which the error filter answers
   * 503 (a request sent again runs anew: nothing was committed).
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    // Listened to from the moment the connection is ours: it may end before the first statement is sent.
    const lost: { error: Error | null } = { error: null };
    const onConnectionError = (error: Error) => {
      lost.error ??= error;
    };
    let connection: PoolClient | undefined;
    try {
      connection = (await runner.connect()) as PoolClient;
      connection.on('error', onConnectionError);
      return await (isolation ? runner.manager.transaction(isolation, work) : runner.manager.transaction(work));
    } catch (error) {
      if (lost.error && (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError)) {
        throw lost.error;
      }
      throw error;
    } finally {
      connection?.removeListener('error', onConnectionError);
      await runner.release();
    }
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
