import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ALL_QUEUE_NAMES } from '../src/queue/queue-names';
import { anctAdmin, bearer, funderManager, http, type LoggedIn } from './support/actors';
import { enrolViaApi, paidOrder, programmeViaApi, type OrderSteps, waitUntilReady } from './support/orders';
import { waitFor } from './support/processes';
import { clearRedisPrefix, createTestApp, type TestApp } from './support/test-app';

/**
 * Redis loses its data (a flush, a restart without persistence) while a worker runs: the schedules come
 * back and the runs PostgreSQL says are pending get their jobs back and finish, without a restart.
 */
describe('Job recovery after Redis lost its data', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let steps: OrderSteps;

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true, settings: { JOB_RECOVERY_INTERVAL_SECONDS: '1' } });
    anct = await anctAdmin(testApp);
    const funder = await funderManager(testApp, anct);
    const programme = await programmeViaApi(testApp, anct);
    await enrolViaApi(testApp, anct, programme.id, funder.organisationId);
    steps = { anct, funder, programmeId: programme.id };
  });
  afterAll(() => testApp.close());

  const queue = (name: string) => testApp.app.get<Queue>(getQueueToken(name));
  async function schedulerIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const name of ALL_QUEUE_NAMES) for (const scheduler of await queue(name).getJobSchedulers()) ids.push(scheduler.key);
    return ids.sort();
  }
  const SCHEDULES = [
    'daily-expiry',
    'daily-idempotency-purge',
    'daily-notification-digests',
    'daily-outbox-purge',
    'daily-personal-data-erasure',
    'daily-reconciliation',
    'daily-state-share',
    'outbox-dispatch',
    'reimbursement-statements',
  ];

  it('re-creates every schedule and re-queues a queued reconciliation run and a paid order’s generation', async () => {
    expect(await schedulerIds()).toEqual(SCHEDULES);
    // The queues hold back, so that the jobs below are still waiting in Redis when it loses them (the pause with them).
    await Promise.all(['reconciliation', 'carnet-generation'].map((name) => queue(name).pause()));
    const run = await http(testApp).post('/api/v1/reconciliation-runs').set(bearer(anct.token)).expect(202);
    const order = await paidOrder(testApp, steps);
    expect(await queue('reconciliation').getJobCountByTypes('waiting')).toBe(1);
    expect(await queue('carnet-generation').getJobCountByTypes('waiting')).toBe(1);

    await clearRedisPrefix(testApp.config);
    // The worker's periodic check (every second here) may already be writing some back.
    expect((await schedulerIds()).length).toBeLessThan(SCHEDULES.length);
    expect(await queue('reconciliation').getJobCountByTypes('waiting', 'active', 'delayed')).toBe(0);

    await waitFor('the schedules back', async () => (await schedulerIds()).length === SCHEDULES.length, 15_000);
    expect(await schedulerIds()).toEqual(SCHEDULES);
    const completed = await waitFor(
      'the reconciliation run completed',
      async () => {
        const response = await http(testApp).get(`/api/v1/reconciliation-runs/${run.body.id}`).set(bearer(anct.token)).expect(200);
        return response.body.status === 'completed' ? response.body : null;
      },
      30_000,
    );
    expect(completed.attempts).toBe(1);
    const ready = await waitUntilReady(testApp, steps.funder, order.id, 30_000);
    expect(ready.generation).toMatchObject({ doneCarnets: 200, totalCarnets: 200 });

    // Idempotent: further checks queue nothing again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const [{ runs }] = await testApp.dataSource.query(`SELECT count(*)::int AS runs FROM job_runs WHERE kind = 'reconciliation'`);
    expect(runs).toBe(1);
    expect(await schedulerIds()).toEqual(SCHEDULES);
  }, 90_000);
});
