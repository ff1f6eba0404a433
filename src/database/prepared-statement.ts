import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool, type QueryResultRow } from 'pg';
import { AppConfig } from '../config/app-config';
import { onIdleConnectionError } from './postgres-connection-errors';
import { CONNECTION_SETTINGS } from './typeorm-options';

/** A statement a busy request runs every time (a redemption), run by name on `PreparedStatementPool`. */
export class PreparedStatement<Row extends QueryResultRow> {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}
}

/**
 * Connections of their own for prepared statements, outside any transaction. Each connection has
 * PostgreSQL parse and plan a statement once, then only bind and execute it — provided the plan is kept:
 * left to itself, PostgreSQL re-plans statements whose parameters it thinks may matter, which for the
 * redemption look-up costs ten times its execution. Here plans are generic (`plan_cache_mode`), which
 * suits statements written for it (look-ups by key); TypeORM's own connections keep the default. A
 * generic plan lives as long as its connection, so it must not depend on how big the tables were when
 * it was made (a sequential scan chosen on an empty table would be kept as it grows): sequential scans
 * are off, every look-up goes through its index.
 */
@Injectable()
export class PreparedStatementPool implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5000,
      // Plans are made again on a new connection: a busy pool still learns how the tables have grown.
      maxLifetimeSeconds: 600,
      application_name: 'pass-numerique-prepared',
      options: `${CONNECTION_SETTINGS} -c plan_cache_mode=force_generic_plan -c enable_seqscan=off`,
    });
    this.pool.on('error', onIdleConnectionError('prepared statements'));
  }

  async run<Row extends QueryResultRow>(statement: PreparedStatement<Row>, values: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>({ name: statement.name, text: statement.text, values })).rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
