import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/typeorm-options';
import { LIVE_VOUCHER_STATUSES, sqlList } from '../src/modules/expiry/expiry.rules';
import { adminQuery, dropDatabase, serverUrl } from './support/test-database';

describe('Migrations', () => {
  const databaseName = `pn_test_migrations_${process.pid}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await dropDatabase(databaseName);
    await adminQuery(`CREATE DATABASE "${databaseName}"`);
    dataSource = new DataSource(buildDataSourceOptions({ DATABASE_URL: serverUrl(databaseName) }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(databaseName);
  });

  const userTables = async () =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
      )
    ).map((row: { table_name: string }) => row.table_name);

  it('run from empty, revert all, and run again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(await userTables()).toEqual(expect.arrayContaining(['organisations', 'users', 'audit_events']));

    for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await userTables()).toEqual([]);
    expect(
      await dataSource.query(
        `SELECT proname FROM pg_proc WHERE proname IN ('refuse_change_to_append_only_table', 'redeem_vouchers', 'redeem_vouchers_once', 'redeem_vouchers_once_batch')`,
      ),
    ).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied.length).toBe(applied.length);
  });

  it('leave no drift between the entities and the migrated schema', async () => {
    const pending = await withSerialQueries(dataSource, () => dataSource.driver.createSchemaBuilder().log());
    const statements = pending.upQueries.map((query) => query.query.trim());
    // An entity changed without its migration (or the reverse) shows up here as the SQL that would reconcile them.
    expect(statements).toEqual([]);
  });

  it.each(['redeem_vouchers'])('give the single-use function %s the same live statuses as the code', async (name) => {
    // Each closes a carnet when none of its chèques is live any more; a status added to the code must reach it.
    const [{ definition }] = await dataSource.query(`SELECT pg_get_functiondef($1::regproc) AS definition`, [name]);
    expect(definition).toContain(`other.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})`);
  });
});

/**
 * TypeORM's schema builder reads the catalogue with `Promise.all` over one query runner, i.e. several
 * queries at once on one pg client: pg queues them but warns ("Calling client.query() when the client
 * is already executing a query"), and pg 9 will refuse. While `work` runs, each query runner the data
 * source creates sends its queries one after the other.
 */
async function withSerialQueries<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const createQueryRunner = dataSource.createQueryRunner;
  dataSource.createQueryRunner = (mode?: ReplicationMode): QueryRunner => {
    const runner = createQueryRunner.call(dataSource, mode);
    const query = runner.query.bind(runner);
    let previous: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<QueryRunner['query']>) => {
      const next = previous.then(() => query(...args));
      previous = next.catch(() => undefined);
      return next;
    }) as QueryRunner['query'];
    return runner;
  };
  try {
    return await work();
  } finally {
    dataSource.createQueryRunner = createQueryRunner;
  }
}
