import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CarnetGenerationService } from '../src/modules/carnets/carnet-generation.service';
import { anctAdmin, bearer, funderManager, http, LoggedIn } from './support/actors';
import { approvedOrder, enrolViaApi, OrderSteps, paymentOf, programmeViaApi, waitUntilReady } from './support/orders';
import { createTestApp, TestApp } from './support/test-app';

/** The compiled worker (built by the test command), run as a real process so that it can be killed. */
const WORKER_ENTRY = join(__dirname, '..', 'dist', 'src', 'worker.js');
const CHUNK_VOUCHERS = '250';

describe('Carnet generation job: idempotent and resumable', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let steps: OrderSteps;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY))
      throw new Error(`${WORKER_ENTRY} is missing: the test command builds it first (npm test, or npx nest build).`);
    testApp = await createTestApp({ settings: { GENERATION_CHUNK_VOUCHERS: CHUNK_VOUCHERS } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    const programme = await programmeViaApi(testApp, anct, { defaultFunderCapCents: 1_000_000_000 });
    await enrolViaApi(testApp, anct, programme.id, funder.organisationId);
    steps = { anct, funder, programmeId: programme.id };
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await testApp.close();
  });

  function startWorker(): ChildProcess {
    const worker = spawn(process.execPath, [WORKER_ENTRY], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: testApp.config.DATABASE_URL,
        REDIS_URL: testApp.config.REDIS_URL,
        REDIS_PREFIX: testApp.config.REDIS_PREFIX,
        GENERATION_CHUNK_VOUCHERS: CHUNK_VOUCHERS,
      },
      stdio: 'ignore',
    });
    workers.push(worker);
    return worker;
  }

  async function progressOf(orderId: string): Promise<{ status: string; done: number; carnets: number; vouchers: number }> {
    const [row] = await testApp.dataSource.query(
      `SELECT status, generation_done AS done,
              (SELECT count(*) FROM carnets WHERE order_id = $1)::int AS carnets,
              (SELECT count(*) FROM vouchers WHERE order_id = $1)::int AS vouchers
         FROM orders WHERE id = $1`,
      [orderId],
    );
    return row;
  }

  async function assertExactlyGenerated(orderId: string, carnetCount: number, carnetSize: number): Promise<void> {
    const [row] = await testApp.dataSource.query(
      `SELECT count(*)::int AS carnets, count(DISTINCT c.sequence)::int AS sequences, min(c.sequence) AS first, max(c.sequence) AS last,
              (SELECT count(*) FROM vouchers v WHERE v.order_id = $1)::int AS vouchers,
              (SELECT count(DISTINCT v.serial) FROM vouchers v WHERE v.order_id = $1)::int AS serials,
              (SELECT count(DISTINCT v.code_hash) FROM vouchers v WHERE v.order_id = $1)::int AS codes,
              (SELECT count(*) FROM (SELECT carnet_id FROM vouchers WHERE order_id = $1 GROUP BY carnet_id HAVING count(*) <> $2) odd)::int AS odd_carnets
         FROM carnets c WHERE c.order_id = $1`,
      [orderId, carnetSize],
    );
    const vouchers = carnetCount * carnetSize;
    expect(row).toEqual({
      carnets: carnetCount,
      sequences: carnetCount,
      first: 1,
      last: carnetCount,
      vouchers,
      serials: vouchers,
      codes: vouchers,
      odd_carnets: 0,
    });
  }

  it('finishes with the exact count and no duplicate after its worker process is killed mid-job', async () => {
    const carnetCount = 4000;
    const order = await approvedOrder(testApp, steps, { carnetCount, carnetSize: 5 });
    const firstWorker = startWorker();
    await http(testApp).post(`/api/v1/orders/${order.id}/payment`).set(bearer(anct.token)).send(paymentOf(order)).expect(200);

    // Kill as soon as some chunks are committed, while the job still holds the order.
    const deadline = Date.now() + 30_000;
    let progress = await progressOf(order.id);
    while (progress.done === 0) {
      if (Date.now() > deadline) throw new Error(`No progress: ${JSON.stringify(progress)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await progressOf(order.id);
    }
    firstWorker.kill('SIGKILL');
    await new Promise((resolve) => firstWorker.once('exit', resolve));

    progress = await progressOf(order.id);
    expect(progress.status).toBe('generating');
    expect(progress.done).toBeLessThan(carnetCount);
    // Only whole committed chunks exist, and exactly as many as the progress says.
    expect(progress.done % (Number(CHUNK_VOUCHERS) / 5)).toBe(0);
    expect({ carnets: progress.carnets, vouchers: progress.vouchers }).toEqual({ carnets: progress.done, vouchers: progress.done * 5 });
    const midway = await http(testApp).get(`/api/v1/orders/${order.id}`).set(bearer(funder.token)).expect(200);
    expect(midway.body.generation).toEqual({
      doneCarnets: progress.done,
      totalCarnets: carnetCount,
      doneVouchers: progress.done * 5,
      totalVouchers: carnetCount * 5,
    });
    const stock = await http(testApp).get('/api/v1/carnets/stock').set(bearer(funder.token)).expect(200);
    expect(stock.body.orders.find((o: { orderId: string }) => o.orderId === order.id)).toBeUndefined();

    // The retry: BullMQ hands the stalled job to a new worker, which resumes after the last committed chunk.
    const secondWorker = startWorker();
    const ready = await waitUntilReady(testApp, funder, order.id, 60_000);
    secondWorker.kill('SIGTERM');
    await new Promise((resolve) => secondWorker.once('exit', resolve));
    expect(ready.generation).toEqual({
      doneCarnets: carnetCount,
      totalCarnets: carnetCount,
      doneVouchers: carnetCount * 5,
      totalVouchers: carnetCount * 5,
    });
    await assertExactlyGenerated(order.id, carnetCount, 5);
    const actions: { action: string }[] = await testApp.dataSource.query(
      `SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`,
      [order.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'order.created',
      'order.submitted',
      'order.approved',
      'order.paid',
      'order.generation_started',
      'order.ready',
    ]);
  }, 120_000);

  it('writes each chunk once when two runs of the job overlap, and does nothing for a ready order', async () => {
    const order = await approvedOrder(testApp, steps, { carnetCount: 600, carnetSize: 10 });
    // Recorded with the queue of this API but no worker listening: the test runs the job itself, twice at once.
    await http(testApp).post(`/api/v1/orders/${order.id}/payment`).set(bearer(anct.token)).send(paymentOf(order)).expect(200);
    const generation = testApp.app.get(CarnetGenerationService);
    await Promise.all([generation.generate(order.id), generation.generate(order.id)]);
    await assertExactlyGenerated(order.id, 600, 10);
    expect((await progressOf(order.id)).status).toBe('ready');

    const before = await testApp.dataSource.query(`SELECT max(id) AS id FROM audit_events`);
    await generation.generate(order.id);
    await assertExactlyGenerated(order.id, 600, 10);
    expect(await testApp.dataSource.query(`SELECT max(id) AS id FROM audit_events`)).toEqual(before);
  });
});
