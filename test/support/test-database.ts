import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { quoteIdentifier } from '../../src/database/ensure-database';
import { buildDataSourceOptions } from '../../src/database/typeorm-options';

/** The PostgreSQL server the tests use: the one of DATABASE_URL (CI sets it), else the developer default. */
export function serverUrl(databaseName: string): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pass_numerique');
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const TEMPLATE_ENV = 'PN_TEST_TEMPLATE_DATABASE';

/** Creates the migrated template once per test run; every test file clones it (fast, isolated). */
export async function createTemplateDatabase(): Promise<string> {
  const name = `pn_test_template_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${quoteIdentifier(name)}`);
  const dataSource = new DataSource(buildDataSourceOptions({ DATABASE_URL: serverUrl(name) }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return name;
}

export async function cloneTemplateDatabase(): Promise<string> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('The e2e global setup did not create a template database');
  const name = `pn_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}
