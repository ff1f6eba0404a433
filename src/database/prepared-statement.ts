import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A named statement run on the application's pool, outside any transaction: each connection has
 * PostgreSQL parse and plan it once, then only binds and executes it. For the statements a busy
 * request runs every time (a redemption); everything else goes through TypeORM.
 */
export class PreparedStatement<Row extends QueryResultRow> {
  constructor(
    private readonly name: string,
    private readonly text: string,
  ) {}

  async run(dataSource: DataSource, values: unknown[]): Promise<Row[]> {
    const pool = (dataSource.driver as PostgresDriver).master as Pool;
    return (await pool.query<Row>({ name: this.name, text: this.text, values })).rows;
  }
}
