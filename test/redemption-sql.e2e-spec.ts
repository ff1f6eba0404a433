import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { LIVE_VOUCHER_STATUSES, redeemableUntilSql, sqlList } from '../src/modules/expiry/expiry.rules';
import { READ_FOR_REDEMPTIONS_SQL } from '../src/modules/redemptions/redemption-reads';
import { REDEMPTION_REQUEST_SQL_TYPES } from '../src/modules/redemptions/redemption-request';
import { cloneTemplateDatabase, dropDatabase, serverUrl } from './support/test-database';

const SQL_DIRECTORY = join(__dirname, '..', 'src', 'modules', 'redemptions', 'sql');

/** A committed definition as compared: its comment lines dropped, trailing blanks ignored. */
function committed(file: string): string {
  return normalised(
    readFileSync(join(SQL_DIRECTORY, file), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n'),
  );
}

function normalised(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The SQL of the redemption path lives in `src/modules/redemptions/sql/`; the migrations deploy frozen
 * copies. What the migrated template database holds must be exactly what those files say.
 */
describe('The redemption SQL committed beside its repository', () => {
  let databaseName: string;
  let client: Client;

  beforeAll(async () => {
    databaseName = await cloneTemplateDatabase();
    client = new Client({ connectionString: serverUrl(databaseName) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(databaseName);
  });

  /** A composite type's fields and their SQL types, in order, from the catalog. */
  async function compositeFields(name: string): Promise<Array<{ name: string; type: string }>> {
    const { rows } = await client.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [name],
    );
    return rows;
  }

  /** The composite type as `CREATE TYPE` would define it, from the catalog. */
  async function typeDefinition(name: string): Promise<string> {
    const fields = await compositeFields(name);
    return `CREATE TYPE public.${name} AS (\n${fields.map((field) => `    ${field.name} ${field.type}`).join(',\n')}\n);`;
  }

  it('deploys redeem_vouchers exactly as sql/redeem-vouchers.sql defines it', async () => {
    const { rows } = await client.query(`SELECT pg_get_functiondef('redeem_vouchers(json, integer)'::regprocedure) AS definition`);
    expect(normalised(rows[0].definition)).toBe(committed('redeem-vouchers.sql'));
  });

  it('deploys the request types exactly as sql/redemption-request.sql defines them', async () => {
    // One query at a time: a pg client runs its queries in turn (concurrent calls on one client are deprecated).
    const deployed: string[] = [];
    for (const name of ['audit_actor', 'redemption_idempotency', 'redemption_request']) deployed.push(await typeDefinition(name));
    expect(deployed.join('\n')).toBe(committed('redemption-request.sql'));
  });

  it('gives the TypeScript request type the fields and SQL types of the composite types', async () => {
    for (const [typeName, fields] of Object.entries(REDEMPTION_REQUEST_SQL_TYPES)) {
      const deployed = await compositeFields(typeName);
      expect(Object.fromEntries(deployed.map((field) => [field.name, field.type]))).toEqual(fields);
    }
  });

  it('has one writer: no other function inserts redemptions, and the old two are gone', async () => {
    const { rows } = await client.query(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND (p.prosrc ILIKE '%insert into redemptions%' OR p.proname LIKE 'redeem%')`,
    );
    expect(rows).toEqual([{ name: 'redeem_vouchers(json,integer)' }]);
  });

  it('refuses a request that does not have the shape of redemption_request, writing nothing', async () => {
    const valid = {
      voucher_ids: ['00000000-0000-4000-8000-000000000001'],
      redemption_ids: ['00000000-0000-4000-8000-000000000002'],
      venue_id: '00000000-0000-4000-8000-000000000003',
      site_id: null,
      service_id: '00000000-0000-4000-8000-000000000004',
      service_category: 'first_steps',
      mode: 'online',
      device_id: null,
      scanned_at: new Date().toISOString(),
      user_id: null,
      api_key_id: null,
      offline_batch_id: null,
      audit_actor: { kind: 'system', user_id: null, api_key_id: null, organisation_id: null, label: 'test', request_id: null },
      idempotency: null,
    };
    const call = (request: object) => client.query(`SELECT redeem_vouchers($1::json, NULL) AS outcomes`, [JSON.stringify([request])]);

    // A well-formed request for a chèque that does not exist: nothing to redeem.
    expect((await call(valid)).rows).toEqual([{ outcomes: ['not_redeemed'] }]);
    const { voucher_ids: _voucherIds, ...missing } = valid;
    for (const malformed of [
      { ...missing, voucherIds: valid.voucher_ids },
      missing,
      { ...valid, redemption_ids: [] },
      { ...valid, audit_actor: { kind: 'system' } },
      { ...valid, idempotency: { key: 'k' } },
    ]) {
      await expect(call(malformed)).rejects.toMatchObject({ code: '22023', message: expect.stringContaining('redemption_request') });
    }
  });

  it('reads with sql/read-for-redemptions.sql, whose redeemable-until and the writer’s live statuses are the rules’ own', async () => {
    expect(READ_FOR_REDEMPTIONS_SQL).toBe(readFileSync(join(SQL_DIRECTORY, 'read-for-redemptions.sql'), 'utf8'));
    expect(READ_FOR_REDEMPTIONS_SQL).toContain(`${redeemableUntilSql('v', 'p')} AS "redeemableUntil"`);
    expect(committed('redeem-vouchers.sql')).toContain(`other.status IN (${sqlList(LIVE_VOUCHER_STATUSES)})`);
  });
});
