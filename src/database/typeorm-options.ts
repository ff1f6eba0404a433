import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/app-config';
import { ALL_ENTITIES } from './entities';
import { onIdleConnectionError } from './postgres-connection-errors';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * READ COMMITTED is relied upon (each statement sees what committed before it); set per connection, it
 * spares every transaction a `SET TRANSACTION ISOLATION LEVEL` round trip, whatever the server's default.
 */
export const CONNECTION_SETTINGS = '-c default_transaction_isolation=read\\ committed';

/** The schema only ever comes from reviewed migrations: `synchronize` stays off everywhere, tests included. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL'> & Partial<Pick<AppConfig, 'DATABASE_POOL_SIZE'>>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // TypeORM's own handler writes through its logger, which is off: the loss would go unseen.
    poolErrorHandler: onIdleConnectionError('main'),
    extra: {
      max: config.DATABASE_POOL_SIZE ?? 20,
      connectionTimeoutMillis: 5000,
      application_name: 'pass-numerique',
      options: CONNECTION_SETTINGS,
    },
  };
}
