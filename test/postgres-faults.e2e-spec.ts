import { randomUUID } from 'node:crypto';
import { isPostgresUnavailable } from '../src/database/postgres-errors';
import { TransactionRunner } from '../src/database/transaction-runner';
import { anctAdmin, bearer, http, type LoggedIn } from './support/actors';
import { nonJsonLines, type RunningProcess, startApiProcess, waitFor } from './support/processes';
import type { StockVoucher } from './support/factories';
import { issuedVouchers, type IssuedStock, qualifiedVenue, type ReadyVenue } from './support/redemption-fixtures';
import { TcpProxy } from './support/tcp-proxy';
import { createPeerTestApp, createTestApp, type TestApp } from './support/test-app';

/**
 * PostgreSQL restarts, fails over, times out idle connections or is told to end them: the API must keep
 * running, answer 503 with a code and `Retry-After` while it cannot reach it, and recover by itself.
 */
/** The same database, reached through `proxy`. */
function throughProxy(databaseUrl: string, proxy: TcpProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

const postgresProxy = () =>
  new TcpProxy('127.0.0.1', Number(new URL(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432').port || 5432));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL faults', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let stock: IssuedStock;
  let next = 0;
  const fresh = () => stock.vouchers[next++];

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
    venue = await qualifiedVenue(testApp, anct);
    stock = await issuedVouchers(testApp, anct, { carnetCount: 1, carnetSize: 10 });
  });
  afterAll(() => testApp.close());

  describe('idle connections closed by PostgreSQL', () => {
    let api: RunningProcess & { url: string };
    beforeAll(async () => {
      api = await startApiProcess(testApp.config);
    }, 120_000);
    afterAll(() => api.stop('SIGKILL'));

    const redeem = (code: string) =>
      fetch(`${api.url}/api/v1/redemptions`, {
        method: 'POST',
        headers: { ...bearer(venue.agent.token), 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ serviceId: venue.serviceId, vouchers: [{ code }] }),
      });

    /** Ends this database's idle backends of one pool (other test files' databases are left alone). */
    async function terminateIdle(applicationName: string): Promise<number> {
      const rows: unknown[] = await testApp.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = $1 AND datname = current_database() AND state = 'idle' AND pid <> pg_backend_pid()`,
        [applicationName],
      );
      return rows.length;
    }

    it('keeps the API running, and redeeming, when the redemption pool’s idle connections are terminated', async () => {
      expect((await redeem(fresh().code)).status).toBe(201);
      // The redemption statements' own pool: its connections stay open, idle, once a redemption has been served.
      await waitFor(
        'an idle connection of the prepared statements pool',
        async () =>
          (
            await testApp.dataSource.query(
              `SELECT 1 FROM pg_stat_activity WHERE application_name = 'pass-numerique-prepared' AND datname = current_database() AND state = 'idle'`,
            )
          ).length > 0,
        5000,
      );
      expect(await terminateIdle('pass-numerique-prepared')).toBeGreaterThan(0);
      expect(await terminateIdle('pass-numerique')).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(api.alive()).toBe(true);
      const again = await redeem(fresh().code);
      expect(again.status).toBe(201);
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
      expect(api.alive()).toBe(true);
      // Reported once per pool, as JSON lines like every other event.
      const reports = api.lines.filter((line) => line.includes('closed an idle connection'));
      expect(reports.some((line) => line.includes('prepared statements pool'))).toBe(true);
      expect(reports.some((line) => line.includes('main pool'))).toBe(true);
      expect(nonJsonLines(api.lines)).toEqual([]);
    });
  });

  describe('PostgreSQL unreachable', () => {
    const proxy = postgresProxy();
    let peer: TestApp;
    beforeAll(async () => {
      await proxy.up();
      peer = await createPeerTestApp(testApp, {
        DATABASE_URL: throughProxy(testApp.config.DATABASE_URL, proxy),
        AUTH_CACHE_TTL_SECONDS: '0',
      });
    });
    afterAll(async () => {
      await proxy.up();
      await peer.close();
      await proxy.down();
    });

    it('answers 503 SERVICE_UNAVAILABLE with Retry-After while PostgreSQL is down, names it in /health/ready, then recovers', async () => {
      await http(peer).get('/api/v1/programmes').set(bearer(anct.token)).expect(200);
      await http(peer).get('/health/ready').expect(200);

      await proxy.down();
      const ready = await http(peer).get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', details: { unavailable: ['postgres'] } });
      expect(ready.body.details.checks).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'up' } });

      for (const request of [
        http(peer).get('/api/v1/programmes').set(bearer(anct.token)),
        http(peer).post('/api/v1/auth/login').send({ email: anct.email, password: 'whatever it is' }),
      ]) {
        const response = await request;
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
        expect(response.body.details.unavailable).toEqual(['postgres']);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|terminated|127\.0\.0\.1/);
      }

      await proxy.up();
      await waitFor('PostgreSQL reachable again', async () => (await http(peer).get('/health/ready')).status === 200, 15_000);
      await http(peer).get('/api/v1/programmes').set(bearer(anct.token)).expect(200);
    });
  });

  describe('connection ended inside a transaction', () => {
    it('fails the transaction with what ended the connection (503), not with the driver’s “already released” (500)', async () => {
      const transactions = testApp.app.get(TransactionRunner);
      const failure = await transactions
        .run(async (manager) => {
          const [{ pid }] = await manager.query('SELECT pg_backend_pid() AS pid');
          await testApp.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
          await waitFor('the driver to hand the ended connection back', async () => manager.queryRunner?.isReleased, 5000, 10);
          return manager.query('SELECT 1');
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failure).toMatchObject({ code: '57P01' });
      expect(isPostgresUnavailable(failure)).toBe(true);
      await expect(transactions.run((manager) => manager.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    });
  });

  /**
   * A restart while chèques are being redeemed: every connection reset, mid-statement, mid-transaction or
   * right after a commit whose answer is lost, PostgreSQL refusing connections for a while, then back.
   */
  describe('PostgreSQL restarted while redemptions are in flight', () => {
    const TILLS = 6;
    /** Redemptions that must go through before the cut, and again after it, for the load to count as steady. */
    const REDEEMED_PER_PHASE = 30;
    const proxy = postgresProxy();
    let load: IssuedStock;
    let api: RunningProcess & { url: string };

    beforeAll(async () => {
      await proxy.up();
      load = await issuedVouchers(testApp, anct, { carnetCount: 30, carnetSize: 10 });
      // Every request reads its caller from PostgreSQL too (no cache): the main pool is cut mid-request as well.
      api = await startApiProcess(testApp.config, {
        DATABASE_URL: throughProxy(testApp.config.DATABASE_URL, proxy),
        AUTH_CACHE_TTL_SECONDS: '0',
      });
    }, 120_000);
    afterAll(async () => {
      await api.stop('SIGKILL');
      await proxy.down();
    });

    type Answer =
      | { status: number; code: unknown; retryAfter: string | null; replayed: boolean; body: { redemptions?: { id: string }[] } }
      | { failure: string };
    interface Attempt {
      voucher: StockVoucher;
      key: string;
      /** A new chèque is redeemed (201); one scanned again is refused, and that refusal is its answer (409). */
      expected: 201 | 409;
      answers: Answer[];
    }
    const settled = (attempt: Attempt, answer: Answer | undefined) =>
      answer !== undefined && 'status' in answer && answer.status === attempt.expected;

    /** One chèque, under its attempt's own Idempotency-Key; a failed exchange (reset, not JSON) is recorded, not thrown. */
    async function send(attempt: Attempt): Promise<Answer> {
      let answer: Answer;
      try {
        const response = await fetch(`${api.url}/api/v1/redemptions`, {
          method: 'POST',
          headers: { ...bearer(venue.agent.token), 'Content-Type': 'application/json', 'Idempotency-Key': attempt.key },
          body: JSON.stringify({ serviceId: venue.serviceId, vouchers: [{ code: attempt.voucher.code }] }),
        });
        const text = await response.text();
        let body: { code?: unknown; redemptions?: { id: string }[] };
        try {
          body = JSON.parse(text);
        } catch {
          body = { code: `not JSON: ${text.slice(0, 200)}` };
        }
        answer = {
          status: response.status,
          code: body.code,
          retryAfter: response.headers.get('retry-after'),
          replayed: response.headers.get('idempotent-replayed') === 'true',
          body,
        };
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        answer = { failure: `${String(error)} (${cause?.code ?? cause?.message ?? 'no cause'})` };
      }
      attempt.answers.push(answer);
      return answer;
    }

    /** Rejects after `ms` unless `promise` settles first (the timer does not outlive it). */
    async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
      });
      try {
        return await Promise.race([promise, timeout]);
      } finally {
        clearTimeout(timer);
      }
    }

    /** Ends up to `count` backends idle inside a transaction, as they show up within `ms`; returns how many. */
    async function endBackendsBetweenStatements(count: number, ms: number): Promise<number> {
      let ended = 0;
      for (const deadline = Date.now() + ms; ended < count && Date.now() < deadline;) {
        const rows: unknown[] = await testApp.dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'pass-numerique' AND datname = current_database() AND state = 'idle in transaction'`,
        );
        ended += rows.length;
      }
      return ended;
    }

    it('keeps redeeming each chèque exactly once, answers 503 meanwhile, and replays a commit whose answer was lost', async () => {
      const fresh = [...load.vouchers];
      const attempts: Attempt[] = [];
      let stopping = false;
      let outOfStock = false;
      let inFlight = 0;
      const redeemedSoFar = () => {
        if (outOfStock) throw new Error(`The load ran out of chèques after ${attempts.length} attempts`);
        return attempts.filter((attempt) => attempt.expected === 201 && settled(attempt, attempt.answers[0]));
      };

      /**
       * A venue's till: one chèque after the other, each with a new key, and now and then one already
       * redeemed scanned again (a refusal takes the transactional path); after a failure, a short pause.
       */
      async function till(): Promise<void> {
        while (!stopping && !outOfStock) {
          const done = redeemedSoFar();
          const again = attempts.length % 4 === 3 && done.length > 0 ? done[attempts.length % done.length].voucher : null;
          const voucher = again ?? fresh.pop();
          if (!voucher) {
            outOfStock = true;
            return;
          }
          const attempt: Attempt = { voucher, key: randomUUID(), expected: again ? 409 : 201, answers: [] };
          attempts.push(attempt);
          inFlight++;
          const answer = await send(attempt).finally(() => inFlight--);
          if (!settled(attempt, answer)) await sleep(100);
        }
      }
      const tills = Promise.all(Array.from({ length: TILLS }, till));
      const stopTills = () => {
        stopping = true;
        return tills;
      };
      try {
        await waitFor('redemptions flowing', async () => redeemedSoFar().length >= REDEEMED_PER_PHASE, 20_000, 20);
        // A restart ends every backend, some of them between two statements of a transaction, the delicate
        // case: for it to be met whatever the timing, such backends are ended first, as they show up.
        expect(await endBackendsBetweenStatements(10, 3000)).toBeGreaterThan(0);
        // A batch that PostgreSQL commits but whose answer never reaches the API.
        await within(10_000, 'A redemption written', proxy.loseNextReply('redeem_vouchers'));
        const inFlightAtCut = inFlight;
        // The restart: every backend ends (57P01), mid-statement or not; then every connection is reset and
        // new ones are refused.
        await testApp.dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name LIKE 'pass-numerique%' AND datname = current_database() AND pid <> pg_backend_pid()`,
        );
        await sleep(100);
        await proxy.down();
        await sleep(1500);
        expect(api.alive()).toBe(true);
        await proxy.up();
        const before = redeemedSoFar().length;
        await waitFor('redemptions flowing again', async () => redeemedSoFar().length >= before + REDEEMED_PER_PHASE, 20_000, 20);
        await stopTills();
        expect(inFlightAtCut).toBeGreaterThan(0);
      } finally {
        await stopTills().catch(() => undefined);
      }

      // The cut was felt; each request not answered for good is sent again with its own key, as a till would.
      const unsettled = attempts.filter((attempt) => !settled(attempt, attempt.answers[0]));
      expect(unsettled.length).toBeGreaterThan(0);
      await Promise.all(
        Array.from({ length: TILLS }, async (_, lane) => {
          for (const attempt of unsettled.filter((_, index) => index % TILLS === lane)) {
            const deadline = Date.now() + 15_000;
            while (!settled(attempt, await send(attempt)) && Date.now() < deadline) await sleep(200);
          }
        }),
      );

      // Never a reset or a 500: the answer sought, a 503 to send again with Retry-After, or (a retry racing
      // its own lost commit) a 409 in progress.
      const answers = attempts.flatMap((attempt) => attempt.answers);
      expect(answers.filter((answer) => 'failure' in answer)).toEqual([]);
      const shapes = new Set(
        answers.map((answer) =>
          'failure' in answer ? answer.failure : answer.status === 201 ? '201' : `${answer.status} ${String(answer.code)}`,
        ),
      );
      const expectedShapes = ['201', '409 ALREADY_REDEEMED', '503 SERVICE_UNAVAILABLE', '409 IDEMPOTENCY_REQUEST_IN_PROGRESS'];
      // What the API logged as a failure (a 500 is logged with its error) says why, when there is one.
      expect({
        unexpected: [...shapes].filter((shape) => !expectedShapes.includes(shape)),
        failuresLogged: api.lines.filter((line) => line.includes('"context":"GlobalExceptionFilter"') && line.includes('"level":50')),
      }).toEqual({ unexpected: [], failuresLogged: [] });
      for (const answer of answers) {
        if ('status' in answer && answer.status === 503) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      expect(attempts.filter((attempt) => !settled(attempt, attempt.answers.at(-1)))).toEqual([]);
      expect(attempts.filter((attempt) => attempt.expected === 409).length).toBeGreaterThan(0);
      // The lost answer: its retry gets the stored answer of that commit (checked below: not a second redemption).
      const replayedRedemptions = unsettled.filter(
        (attempt) =>
          attempt.expected === 201 && attempt.answers.some((answer) => 'status' in answer && answer.status === 201 && answer.replayed),
      );
      expect(replayedRedemptions.length).toBeGreaterThan(0);

      // In the database: every new chèque tried is redeemed once, under the redemption its answer names, with
      // its ledger line, its audit row and its stored answer; every chèque not tried is untouched.
      const rows: { id: string; status: string; redemptionIds: string[]; ledgerLines: number; auditRows: number }[] =
        await testApp.dataSource.query(
          `SELECT v.id, v.status::text AS status,
                  ARRAY(SELECT r.id::text FROM redemptions r WHERE r.voucher_id = v.id ORDER BY r.id) AS "redemptionIds",
                  (SELECT count(*)::int FROM ledger_entries l WHERE l.voucher_id = v.id AND l.kind = 'redemption_owed_to_venue') AS "ledgerLines",
                  (SELECT count(*)::int FROM audit_events a
                    WHERE a.object_type = 'voucher' AND a.object_id = v.id::text AND a.action = 'voucher.redeemed') AS "auditRows"
             FROM vouchers v WHERE v.id = ANY($1::uuid[]) ORDER BY v.id`,
          [load.vouchers.map((voucher) => voucher.id)],
        );
      const redemptionOf = new Map(
        attempts
          .filter((attempt) => attempt.expected === 201)
          .map((attempt) => {
            const receipt = attempt.answers.at(-1) as { body: { redemptions: { id: string }[] } };
            return [attempt.voucher.id, receipt.body.redemptions[0].id];
          }),
      );
      expect(rows).toEqual(
        rows.map((row) => {
          const redemptionId = redemptionOf.get(row.id);
          return redemptionId
            ? { ...row, status: 'redeemed', redemptionIds: [redemptionId], ledgerLines: 1, auditRows: 1 }
            : { ...row, status: 'issued', redemptionIds: [], ledgerLines: 0, auditRows: 0 };
        }),
      );
      const stored: { key: string; status: number }[] = await testApp.dataSource.query(
        `SELECT key, response_status AS status FROM idempotency_records WHERE organisation_id = $1 AND key = ANY($2::text[])`,
        [venue.venueId, attempts.map((attempt) => attempt.key)],
      );
      const storedStatus = new Map(stored.map((row) => [row.key, row.status]));
      expect(attempts.filter((attempt) => storedStatus.get(attempt.key) !== attempt.expected)).toEqual([]);

      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
      expect(api.alive()).toBe(true);
      expect(nonJsonLines(api.lines)).toEqual([]);
    }, 90_000);
  });
});
