import { Client } from 'pg';

/** A connection failure turned into the one sentence an operator needs. */
export class DatabaseUnreachableError extends Error {}

/** Creates the database named in the URL when it does not exist yet (a fresh machine), then checks it answers. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const databaseName = decodeURIComponent(target.pathname.slice(1));
  try {
    await withClient(databaseUrl, (client) => client.query('SELECT 1'));
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw describe(error, target);
    const maintenance = new URL(databaseUrl);
    maintenance.pathname = '/postgres';
    try {
      await withClient(maintenance.toString(), (client) =>
        client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`).catch((createError: { code?: string }) => {
          // Created meanwhile by another process (the API and the worker start together): 42P04, or 23505
          // when both CREATE DATABASE statements race on the catalogue's unique index.
          if (createError.code !== '42P04' && createError.code !== '23505') throw createError;
        }),
      );
    } catch (createError) {
      throw describe(createError, target, `could not create database "${databaseName}"`);
    }
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A connection lost between two statements would otherwise crash the process; the next statement fails instead.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describe(error: unknown, target: URL, what = 'PostgreSQL is not reachable'): DatabaseUnreachableError {
  const detail = (error as { code?: string; message?: string }).code ?? (error as Error).message;
  return new DatabaseUnreachableError(
    `${what} at ${target.hostname}:${target.port || 5432} (${detail}). Start PostgreSQL or fix DATABASE_URL.`,
  );
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
