import * as argon2 from 'argon2';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { Redis } from 'ioredis';
import { loadAppConfig } from '../src/config/app-config';
import { ensureDatabase, quoteIdentifier } from '../src/database/ensure-database';
import { runPendingMigrations } from '../src/database/run-migrations';
import { REDEEM_VOUCHERS_SQL, redeemVouchersParameters, redemptionRequest } from '../src/modules/redemptions/redemption-request';
import { VoucherCodeSecrets } from '../src/modules/vouchers/voucher-code-secrets';
import {
  buildCarnetNumber,
  buildVoucherSerial,
  deriveVoucherCode,
  hashVoucherCode,
  newVoucherNonce,
} from '../src/modules/vouchers/voucher-code.rules';

/**
 * `npm run bench -- redeem`: redemptions per second through the whole API (HTTP, authentication,
 * validation, idempotency key, anti-guessing counters, audit, ledger) against two raw baselines sent
 * through `pg` by as many concurrent clients, with no HTTP:
 * - the bare single-use SQL: one conditional UPDATE of the chèque and one INSERT of its redemption,
 *   in one statement — the target's baseline. It runs twice, just before and just after the API, and the
 *   ratio is taken against the mean of the two: this machine's speed drifts within a minute (the same
 *   baseline has measured anywhere from 1,300 to 4,800/s), and a single baseline a minute away from the
 *   API's run made the ratio swing from 20 % to 48 % between runs of the same code;
 * - the single-use function the API itself calls (`redeem_vouchers`, one request per call: carnet
 *   lock, UPDATE, INSERT, ledger line, carnet used up, audit rows) — to show what the API adds to its
 *   own write.
 * The targets: at least 75 % of the bare baseline's rate, and a p99 no more than 1.2 × the bare
 * baseline's p99 (both the mean of the runs before and after the API); the bench prints both ratios and
 * a verdict.
 * Then the API's floor: the same clients sending codes with a typo, which the API refuses before any
 * database or Redis work — the cost of HTTP, Nest, the token, validation and the answer alone.
 *
 * Settings (environment): BENCH_DURATION_SECONDS (default 20), BENCH_CONNECTIONS (default 32),
 * BENCH_WARMUP_SECONDS (default 3), BENCH_FLOOR_SECONDS (default 5: the floor phase above),
 * BENCH_API_POOL_SIZE (the API's DATABASE_POOL_SIZE; default: BENCH_CONNECTIONS), BENCH_API_NODE_ARGS
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the API), BENCH_KEEP_DATABASE=1 (keep the
 * database afterwards, to inspect plans). PostgreSQL and Redis are
 * those of DATABASE_URL / REDIS_URL; a fresh database is created and dropped.
 */

interface AutocannonResult {
  duration: number;
  latency: { p50: number; p99: number; average: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
}
type RawRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; path: string; setupRequest: (request: RawRequest) => RawRequest }[];
}) => Promise<AutocannonResult>;
// autocannon ships no type definitions: the slice used here is typed above.
const autocannon = require('autocannon') as Autocannon;

const PASSWORD = 'benchmark password, long enough';

export async function run(): Promise<void> {
  const durationSeconds = positive('BENCH_DURATION_SECONDS', 20);
  const connections = positive('BENCH_CONNECTIONS', 32);
  const warmupSeconds = positive('BENCH_WARMUP_SECONDS', 3);
  const floorSeconds = positive('BENCH_FLOOR_SECONDS', 5);
  const base = loadAppConfig(process.env);
  const databaseName = `pn_bench_redeem_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(base.DATABASE_URL, databaseName);
  const redisPrefix = `pnbench-${randomBytes(4).toString('hex')}`;
  // Enough chèques for generous rates; the run reports it if they ran out.
  const apiVouchers = Math.ceil((durationSeconds + warmupSeconds) * 4_000);
  const rawVouchers = Math.ceil(durationSeconds * 5_000) * 3;

  await ensureDatabase(databaseUrl);
  let api: ChildProcess | null = null;
  try {
    await runPendingMigrations({ DATABASE_URL: databaseUrl });
    log(`Seeding ${apiVouchers} issued chèques for the API and ${rawVouchers} for the raw baseline…`);
    const seeded = await seed(databaseUrl, new VoucherCodeSecrets(base), apiVouchers, rawVouchers);
    await settle(databaseUrl);

    const third = seeded.rawVoucherIds.length / 3;
    const bareBaseline = async (when: string, voucherIds: string[]) => {
      await settle(databaseUrl);
      log(`Raw SQL baseline (bare UPDATE + INSERT), ${when}: ${connections} concurrent pg clients for ${durationSeconds} s…`);
      return rawBaseline(databaseUrl, voucherIds, connections, durationSeconds, (voucherId) => [
        BARE_SINGLE_USE_SQL,
        [voucherId, new Date(), seeded.venueId, seeded.serviceId],
      ]);
    };
    log(`Raw SQL baseline (the API's single-use function): ${connections} concurrent pg clients for ${durationSeconds} s…`);
    const rawFunction = await rawBaseline(
      databaseUrl,
      seeded.rawVoucherIds.slice(third, 2 * third),
      connections,
      durationSeconds,
      (voucherId) => [
        REDEEM_VOUCHERS_SQL,
        redeemVouchersParameters(
          [
            redemptionRequest({
              voucherIds: [voucherId],
              redemptionIds: [randomUUID()],
              venueId: seeded.venueId,
              siteId: null,
              serviceId: seeded.serviceId,
              serviceCategory: 'first_steps',
              mode: 'online',
              scannedAt: new Date(),
              deviceId: null,
              userId: null,
              apiKeyId: null,
              offlineBatchId: null,
              auditActor: {
                kind: 'system',
                user_id: null,
                api_key_id: null,
                organisation_id: seeded.venueId,
                label: 'bench',
                request_id: null,
              },
            }),
          ],
          null,
        ),
      ],
      (rows) => rows.length === 1 && (rows[0] as { outcomes: string[] }).outcomes[0] === 'redeemed',
    );

    const bareBefore = await bareBaseline('before the API', seeded.rawVoucherIds.slice(0, third));
    // The API then meets tables that have a history (redemptions, ledger, audit), as in production, and
    // statistics that say so: its prepared statements are planned once per connection, from these.
    await settle(databaseUrl);

    const port = await freePort();
    // As many database connections as concurrent clients, like the baseline.
    api = await startApi({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: process.env.BENCH_API_POOL_SIZE ?? String(connections),
      PORT: String(port),
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: 'warn',
    });
    const url = `http://127.0.0.1:${port}`;
    const token = await login(url, seeded.email);

    let next = 0;
    let exhausted = false;
    const body = () => {
      if (next >= seeded.codes.length) exhausted = true;
      return JSON.stringify({ serviceId: seeded.serviceId, vouchers: [{ code: seeded.codes[next++ % seeded.codes.length] }] });
    };
    const headers = (raw: RawRequest) => ({
      ...raw.headers,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    });
    const request = {
      method: 'POST',
      path: '/api/v1/redemptions',
      setupRequest: (raw: RawRequest): RawRequest => ({ ...raw, headers: headers(raw), body: body() }),
    };
    log(`Warming up the API for ${warmupSeconds} s…`);
    await autocannon({ url, connections, duration: warmupSeconds, requests: [request] });
    // The API's redemptions are its agent's; the baselines redeem with no user (one runs after the API).
    const apiRedemptionCount = `SELECT count(*)::int AS n FROM redemptions WHERE redeemed_by_user_id IS NOT NULL`;
    const redeemedBefore = await count(databaseUrl, apiRedemptionCount);
    log(`API: ${connections} concurrent clients for ${durationSeconds} s…`);
    const cpuBefore = cpuSeconds(api.pid!);
    const machineBefore = machineBusySeconds();
    const processesBefore = cpuSecondsByProgram();
    const result = await autocannon({ url, connections, duration: durationSeconds, requests: [request] });
    const apiCpuSeconds = cpuSeconds(api.pid!) - cpuBefore;
    const machineApiSeconds = machineBusySeconds() - machineBefore;
    const processesAfter = cpuSecondsByProgram();
    const peakRssBytes = peakRss(api.pid!);
    const bareAfter = await bareBaseline('after the API', seeded.rawVoucherIds.slice(2 * third));

    // The API's own floor on this machine: the same requests, answered 422 as typos before any database
    // or Redis work — what HTTP, Nest, the token, validation and the answer cost alone.
    log(`API floor: the same clients for ${floorSeconds} s, each code with a typo…`);
    const typo = (code: string) => code.slice(0, -1) + (code.at(-1) === '0' ? '1' : '0');
    const typoBody = JSON.stringify({ serviceId: seeded.serviceId, vouchers: [{ code: typo(seeded.codes[0]) }] });
    const floorCpuBefore = cpuSeconds(api.pid!);
    const floor = await autocannon({
      url,
      connections,
      duration: floorSeconds,
      requests: [{ ...request, setupRequest: (raw: RawRequest): RawRequest => ({ ...raw, headers: headers(raw), body: typoBody }) }],
    });
    const floorCpuSeconds = cpuSeconds(api.pid!) - floorCpuBefore;
    const floorAnswers = Number(floor.statusCodeStats['422']?.count ?? 0);
    await stop(api);
    api = null;
    const statuses = statusCounts(result);
    const created = statuses['201'] ?? 0;
    const perRedemption = (seconds: number) => `${((seconds * 1000) / Math.max(1, created)).toFixed(2)} ms`;
    const byProgram = [...processesAfter]
      .map(([program, seconds]) => [program, seconds - (processesBefore.get(program) ?? 0)] as const)
      .filter(([, seconds]) => seconds > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([program, seconds]) => `${program} ${perRedemption(seconds)}`)
      .join(', ');
    const apiRedeemed = (await count(databaseUrl, apiRedemptionCount)) - redeemedBefore;

    const serverErrors = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, n]) => sum + n, 0);
    const checks = await integrity(databaseUrl);
    const apiRate = created / result.duration;
    const bareRate = (bareBefore.rate + bareAfter.rate) / 2;
    const ratio = apiRate / bareRate;
    const bareP99 = (bareBefore.p99 + bareAfter.p99) / 2;
    const p99Ratio = result.latency.p99 / bareP99;
    const integrityMet =
      checks.doubleRedemptions === 0 &&
      checks.redeemedVouchers === checks.redemptions &&
      checks.apiRedemptions === checks.apiLedgerLines &&
      checks.apiRedemptions === checks.apiAuditRows;
    const targets: [string, boolean][] = [
      ['throughput ≥ 75 % of the bare UPDATE + INSERT', ratio >= 0.75],
      ['p99 ≤ 1.2 × the bare p99', p99Ratio <= 1.2],
      ['zero 5xx', serverErrors === 0],
      ['zero double redemption', integrityMet],
      ['every 201 recorded', apiRedeemed >= created],
    ];

    const lines = [
      '',
      `API over HTTP (${connections} clients, ${result.duration.toFixed(1)} s): ${apiRate.toFixed(0)} redemptions/s — p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
      `  responses: ${JSON.stringify(statuses)}, connection errors: ${result.errors}, timeouts: ${result.timeouts}, 5xx: ${serverErrors}`,
      `  redemptions recorded during the run: ${apiRedeemed} (201 answers: ${created})${exhausted ? ' — WARNING: the seeded chèques ran out, raise the seed size' : ''}`,
      `  API peak RSS: ${(peakRssBytes / 1_048_576).toFixed(0)} MiB; API CPU: ${perRedemption(apiCpuSeconds)} per redemption (${((apiCpuSeconds / result.duration) * 100).toFixed(0)} % of a core); whole machine: ${perRedemption(machineApiSeconds)} of CPU per redemption (${byProgram})`,
      `API floor, typos refused without database or Redis (${connections} clients, ${floor.duration.toFixed(1)} s): ${(floorAnswers / floor.duration).toFixed(0)} answers 422/s (all answers: ${JSON.stringify(statusCounts(floor))}), API CPU ${((floorCpuSeconds * 1000) / Math.max(1, floorAnswers)).toFixed(2)} ms per request`,
      ...(
        [
          ['before', bareBefore],
          ['after', bareAfter],
        ] as const
      ).map(
        ([when, raw]) =>
          `Raw SQL baseline ${when} the API, bare UPDATE + INSERT (pg, ${connections} clients, ${raw.seconds.toFixed(1)} s): ${raw.rate.toFixed(0)} redemptions/s — p50 ${raw.p50.toFixed(2)} ms, p99 ${raw.p99.toFixed(2)} ms, machine CPU ${raw.machineMsPerRedemption.toFixed(2)} ms per redemption${raw.exhausted ? ' — WARNING: ran out of chèques' : ''}`,
      ),
      `Raw SQL, the API's single-use function (pg, ${connections} clients, ${rawFunction.seconds.toFixed(1)} s): ${rawFunction.rate.toFixed(0)} redemptions/s — p50 ${rawFunction.p50.toFixed(2)} ms, p99 ${rawFunction.p99.toFixed(2)} ms, machine CPU ${rawFunction.machineMsPerRedemption.toFixed(2)} ms per redemption${rawFunction.exhausted ? ' — WARNING: ran out of chèques' : ''}`,
      `Ratio API / bare UPDATE + INSERT (mean of before and after, ${bareRate.toFixed(0)}/s): ${(ratio * 100).toFixed(1)} % (API / its own single-use function: ${((apiRate / rawFunction.rate) * 100).toFixed(1)} %)`,
      `p99 ratio API / bare UPDATE + INSERT (mean of before and after, ${bareP99.toFixed(2)} ms): ${p99Ratio.toFixed(2)}×`,
      `Integrity: ${checks.doubleRedemptions} chèque(s) with more than one active redemption; ${checks.redeemedVouchers} redeemed chèques, ${checks.redemptions} redemptions; through the API: ${checks.apiRedemptions} redemptions, ${checks.apiLedgerLines} ledger lines, ${checks.apiAuditRows} audit rows`,
      '',
      `Targets: ${targets.map(([name, met]) => `${name} ${mark(met)}`).join(' | ')}`,
      `Verdict: ${
        targets.every(([, met]) => met)
          ? 'every target met'
          : `MISSED: ${targets
              .filter(([, met]) => !met)
              .map(([name]) => name)
              .join('; ')}`
      }`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (api) await stop(api);
    await clearRedis(base.REDIS_URL, redisPrefix);
    if (process.env.BENCH_KEEP_DATABASE === '1') log(`Database kept for inspection: ${databaseName}`);
    else await adminQuery(base.DATABASE_URL, `DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
  }
}

interface Seeded {
  email: string;
  venueId: string;
  serviceId: string;
  codes: string[];
  rawVoucherIds: string[];
}

/** A qualified venue with one agent and one service, a funder, and two orders of issued chèques (one per contender). */
async function seed(databaseUrl: string, secrets: VoucherCodeSecrets, apiCount: number, rawCount: number): Promise<Seeded> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (sql: string, parameters: unknown[] = []) => (await client.query(sql, parameters)).rows[0];
    const email = `bench.${randomBytes(3).toString('hex')}@example.fr`;
    const { id: venueId } = await one(
      `INSERT INTO organisations (kind, name, siret, siren, address_line, postal_code, city, commune_insee_code, departement_code, qualification_status, qualification_changed_at)
       VALUES ('venue', 'EPN du banc d''essai', '73282932000074', '732829320', '1 rue du Test', '69007', 'Lyon', '69387', '69', 'qualified', now()) RETURNING id`,
    );
    await client.query(
      `INSERT INTO venue_qualification_events (venue_id, decision, from_status, to_status, decided_at) VALUES ($1, 'qualify', 'pending', 'qualified', now())`,
      [venueId],
    );
    await client.query(
      `INSERT INTO users (organisation_id, email, display_name, role, is_organisation_admin, status, password_hash)
       VALUES ($1, $2, 'Agent', 'venue_agent', true, 'active', $3)`,
      [venueId, email, await argon2.hash(PASSWORD, { type: argon2.argon2id })],
    );
    const { id: serviceId } = await one(
      `INSERT INTO venue_services (venue_id, label, category, duration_minutes) VALUES ($1, 'Atelier', 'first_steps', 120) RETURNING id`,
      [venueId],
    );
    const { id: funderId } = await one(
      `INSERT INTO organisations (kind, name, siren, funder_kind, departement_code) VALUES ('funder', 'Département', '226900017', 'departement', '69') RETURNING id`,
    );
    const { id: prescriberId } = await one(
      `INSERT INTO organisations (kind, name, siret, siren, commune_insee_code, departement_code) VALUES ('prescriber', 'CCAS', '26690266700019', '266902667', '69266', '69') RETURNING id`,
    );
    const { id: programmeId } = await one(
      `INSERT INTO programmes (name, year, valid_until) VALUES ('Banc d''essai', 2026, '2035-12-31') RETURNING id`,
    );
    const expiresAt = new Date('2035-12-31T22:59:59Z');

    const createOrder = async (carnetCount: number) => {
      const { id, sequence } = await one(`SELECT gen_random_uuid() AS id, nextval('order_number_seq')::int AS sequence`);
      const total = carnetCount * 10 * 1000;
      await client.query(
        `INSERT INTO orders (id, number, sequence, programme_id, funder_id, status, carnet_count, carnet_size, face_value_cents, face_value_total_cents,
                             fee_cents, total_due_cents, max_state_share_cents, generation_done)
         VALUES ($1, $2, $3, $4, $5, 'ready', $6, 10, 1000, $7, 0, $7, 0, $6)`,
        [id, `2026-${String(sequence).padStart(4, '0')}`, sequence, programmeId, funderId, carnetCount, total],
      );
      const carnets: { id: string; sequence: number }[] = (
        await client.query(
          `INSERT INTO carnets (order_id, funder_id, sequence, number, size, status, prescriber_id, allocated_at, issued_at)
           SELECT $1, $2, s, format('2026-%s-%s', lpad($3::text, 4, '0'), lpad(s::text, 6, '0')), 10, 'issued', $4, now(), now()
             FROM generate_series(1, $5::int) AS s
           RETURNING id, sequence`,
          [id, funderId, sequence, prescriberId, carnetCount],
        )
      ).rows;
      return { orderId: id as string, sequence: sequence as number, carnets };
    };

    const apiOrder = await createOrder(Math.ceil(apiCount / 10));
    const secret = secrets.active;
    // Indexed by position then carnet: successive requests redeem chèques of different carnets, as at a
    // venue where each beneficiary brings their own carnet (one carnet's chèques are not redeemed at once).
    const codesByPosition: string[][] = Array.from({ length: 10 }, () => []);
    for (let start = 0; start < apiOrder.carnets.length; start += 1000) {
      const batch = apiOrder.carnets.slice(start, start + 1000);
      const rows = batch.flatMap((carnet) =>
        Array.from({ length: 10 }, (_, i) => {
          const serial = buildVoucherSerial(buildCarnetNumber(2026, apiOrder.sequence, carnet.sequence), i + 1);
          const nonce = newVoucherNonce();
          const code = deriveVoucherCode(secret.secret, secret.version, serial, nonce);
          codesByPosition[i].push(code);
          return { carnetId: carnet.id, position: i + 1, serial, hash: hashVoucherCode(code), nonce };
        }),
      );
      await client.query(
        `INSERT INTO vouchers (carnet_id, order_id, funder_id, position, serial, code_hash, code_key_version, code_nonce, face_value_cents, status, expires_at, issued_at)
         SELECT t.carnet_id, $1, $2, t.position, t.serial, t.hash, $3, t.nonce, 1000, 'issued', $4, now()
           FROM unnest($5::uuid[], $6::int[], $7::text[], $8::bytea[], $9::bytea[]) AS t(carnet_id, position, serial, hash, nonce)`,
        [
          apiOrder.orderId,
          funderId,
          secret.version,
          expiresAt,
          rows.map((row) => row.carnetId),
          rows.map((row) => row.position),
          rows.map((row) => row.serial),
          rows.map((row) => row.hash),
          rows.map((row) => row.nonce),
        ],
      );
    }

    // The baseline redeems by id: its chèques need no clear code.
    const rawOrder = await createOrder(Math.ceil(rawCount / 10));
    await client.query(
      `INSERT INTO vouchers (carnet_id, order_id, funder_id, position, serial, code_hash, code_key_version, code_nonce, face_value_cents, status, expires_at, issued_at)
       SELECT c.id, c.order_id, c.funder_id, p, c.number || '-' || lpad(p::text, 2, '0'), sha256(convert_to(c.id::text || p, 'UTF8')), 1,
              '\\x00000000000000000000'::bytea, 1000, 'issued', $2, now()
         FROM carnets c CROSS JOIN generate_series(1, 10) AS p
        WHERE c.order_id = $1`,
      [rawOrder.orderId, expiresAt],
    );
    // Spread over carnets like the API's codes: concurrent statements do not queue for one carnet's lock.
    const rawVoucherIds: string[] = (
      await client.query(`SELECT id FROM vouchers WHERE order_id = $1 ORDER BY position, carnet_id`, [rawOrder.orderId])
    ).rows.map((row: { id: string }) => row.id);

    const codes = codesByPosition.flat();
    return { email, venueId, serviceId, codes, rawVoucherIds };
  } finally {
    await client.end();
  }
}

/**
 * Single use at its barest: the conditional UPDATE that lets one request only have the chèque, and the
 * INSERT of its redemption, in one statement.
 */
const BARE_SINGLE_USE_SQL = `
WITH redeemed AS (
  UPDATE vouchers SET status = 'redeemed', redeemed_at = $2 WHERE id = $1 AND status = 'issued'
  RETURNING id, funder_id, order_id, face_value_cents
)
INSERT INTO redemptions (voucher_id, venue_id, service_id, funder_id, order_id, value_cents, service_category, mode, scanned_at)
SELECT id, $3, $4, funder_id, order_id, face_value_cents, 'first_steps', 'online', $2 FROM redeemed`;

/** One chèque per statement, `connections` clients in a closed loop, until the time or the chèques run out. */
async function rawBaseline(
  databaseUrl: string,
  voucherIds: string[],
  connections: number,
  durationSeconds: number,
  statementFor: (voucherId: string) => [string, unknown[]],
  redeemed: (rows: unknown[], rowCount: number | null) => boolean = (_rows, rowCount) => rowCount === 1,
) {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  const latencies: number[] = [];
  let next = 0;
  let exhausted = false;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const machineBefore = machineBusySeconds();
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < deadline) {
            if (next >= voucherIds.length) {
              exhausted = true;
              return;
            }
            const voucherId = voucherIds[next++];
            const begin = performance.now();
            const { rows, rowCount } = await client.query(...statementFor(voucherId));
            if (!redeemed(rows, rowCount)) throw new Error(`baseline could not redeem ${voucherId}`);
            latencies.push(performance.now() - begin);
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const machineMsPerRedemption = ((machineBusySeconds() - machineBefore) * 1000) / Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rate: latencies.length / seconds, p50: at(0.5), p99: at(0.99), seconds, exhausted, machineMsPerRedemption };
}

/**
 * Before a phase is measured: hint bits set, statistics taken, dirty pages flushed — otherwise a phase
 * pays for the previous one's after-effects.
 */
async function settle(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('VACUUM (ANALYZE)');
    await client.query('CHECKPOINT');
  });
}

function integrity(databaseUrl: string) {
  return withClient(databaseUrl, async (client) => {
    // API redemptions are those of the venue's agent; the baselines redeem with no user.
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM (SELECT voucher_id FROM redemptions WHERE cancelled_at IS NULL GROUP BY voucher_id HAVING count(*) > 1) d) AS "doubleRedemptions",
             (SELECT count(*)::int FROM vouchers WHERE status = 'redeemed') AS "redeemedVouchers",
             (SELECT count(*)::int FROM redemptions WHERE cancelled_at IS NULL) AS redemptions,
             (SELECT count(*)::int FROM redemptions WHERE redeemed_by_user_id IS NOT NULL) AS "apiRedemptions",
             (SELECT count(*)::int FROM ledger_entries l JOIN redemptions r ON r.id = l.redemption_id
               WHERE l.kind = 'redemption_owed_to_venue' AND r.redeemed_by_user_id IS NOT NULL) AS "apiLedgerLines",
             (SELECT count(*)::int FROM audit_events WHERE action = 'voucher.redeemed' AND actor_kind = 'user') AS "apiAuditRows"`);
    return rows[0] as {
      doubleRedemptions: number;
      redeemedVouchers: number;
      redemptions: number;
      apiRedemptions: number;
      apiLedgerLines: number;
      apiAuditRows: number;
    };
  });
}

/** The compiled API as its own process, as in production; resolves once it answers. */
async function startApi(settings: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, '..', 'src', 'main.js'), {
    env: { ...process.env, ...settings },
    execArgv: (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited during start-up (code ${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${settings.PORT}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start within 120 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** User + system CPU time the process has used (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU time the whole machine spent busy (all cores, all processes: API, PostgreSQL, Redis, this client), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal, in clock ticks of 1/100 s.
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** CPU time per program name (PostgreSQL backends, node processes, redis-server…), from /proc: where a phase's CPU went. */
function cpuSecondsByProgram(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const program = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      totals.set(program, (totals.get(program) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  return totals;
}

/** Linux's high-water mark of the process's resident memory (VmHWM): the true peak, not a sample. */
function peakRss(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function count(databaseUrl: string, sql: string): Promise<number> {
  return withClient(databaseUrl, async (client) => (await client.query(sql)).rows[0].n);
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  await withClient(withDatabase(databaseUrl, 'postgres'), (client) => client.query(sql));
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function clearRedis(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function withDatabase(url: string, databaseName: string): string {
  const target = new URL(url);
  target.pathname = `/${databaseName}`;
  return target.toString();
}

function statusCounts(result: AutocannonResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count: n }]) => [status, Number(n)]));
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function mark(ok: boolean): string {
  return ok ? 'MET' : 'MISSED';
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}
