import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './typeorm-options';

// Arbitrary constant: serialises migration runs of API and worker processes starting together.
const MIGRATION_LOCK_KEY = 7_340_001;

export async function runPendingMigrations(config: Pick<AppConfig, 'DATABASE_URL'>): Promise<string[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), logging: ['error'] });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
