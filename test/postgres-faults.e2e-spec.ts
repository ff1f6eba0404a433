import { randomUUID } from 'node:crypto';
import { isPostgresUnavailable } from '../src/database/postgres-errors';
import { TransactionRunner } from '../src/database/transaction-runner';
import { anctAdmin, bearer, http, type LoggedIn } from './support/actors';
import { nonJsonLines, type RunningProcess, startApiProcess, waitFor } from './support/processes';
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
});
