import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';

export interface QueryStreamOptions {
  /** Rows fetched per round trip: memory use is bounded by this, whatever the result size. */
  batchSize?: number;
  /** One snapshot for the whole read (REPEATABLE READ, READ ONLY). */
  snapshot?: boolean;
}

/**
 * Streams the rows of a query through a server-side cursor (DECLARE … FETCH n), on a connection of
 * the application's pool held for the duration. Rows arrive as `pg` returns them: bigint as string,
 * so cast dates to text in SQL if a calendar day must not meet a time zone.
 */
export async function* streamQuery<Row>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
  options: QueryStreamOptions = {},
): AsyncGenerator<Row> {
  const batchSize = options.batchSize ?? 1000;
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let open = false;
  try {
    await client.query(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN READ ONLY');
    open = true;
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, parameters);
    for (;;) {
      const { rows } = await client.query(`FETCH ${batchSize} FROM export_cursor`);
      for (const row of rows) yield row as Row;
      if (rows.length < batchSize) break;
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    // Also reached when the consumer stops early (return/throw): the cursor dies with the transaction.
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
