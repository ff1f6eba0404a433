import { nonJsonLines, type RunningProcess, startApiProcess, startProcess, waitFor, WORKER_ENTRY } from './support/processes';
import { PrivateRedis } from './support/private-redis';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Redis goes away and comes back: the API and the worker keep running, their logs stay one JSON line
 * per event (not one stack trace per reconnection attempt of every connection), `/health/ready` names
 * Redis, and everything recovers by itself.
 */
describe('Redis faults', () => {
  let testApp: TestApp;
  const redis = new PrivateRedis();
  let api: RunningProcess & { url: string };
  let worker: RunningProcess;

  beforeAll(async () => {
    testApp = await createTestApp();
    await redis.start();
    const settings = { REDIS_URL: redis.url, LOG_LEVEL: 'info' };
    api = await startApiProcess(testApp.config, settings);
    worker = startProcess(WORKER_ENTRY, testApp.config, settings);
    await waitFor('the worker to start', async () => worker.lines.some((line) => line.includes('Worker started')), 90_000);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([api?.stop('SIGKILL'), worker?.stop('SIGKILL')]);
    await redis.stop();
    await testApp.close();
  });

  it('logs an outage as a few JSON lines, answers /health/ready 503 naming Redis, and recovers', async () => {
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    const before = { api: api.lines.length, worker: worker.lines.length };

    await redis.stop();
    // ioredis retries every connection several times a second: enough for hundreds of lines without listeners.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', details: { unavailable: ['redis'] } });
    expect(ready.headers.get('retry-after')).toBe('5');

    const during = { api: api.lines.slice(before.api), worker: worker.lines.slice(before.worker) };
    expect(api.alive() && worker.alive()).toBe(true);
    for (const lines of [during.api, during.worker]) {
      expect(nonJsonLines(lines)).toEqual([]);
      const redisLines = lines.filter((line) => line.includes('Redis unreachable'));
      expect(redisLines.length).toBeGreaterThanOrEqual(1);
      expect(redisLines.length).toBeLessThanOrEqual(3);
      for (const line of redisLines) expect(JSON.parse(line)).toMatchObject({ level: 40 });
    }

    await redis.start();
    await waitFor('Redis reachable again', async () => (await fetch(`${api.url}/health/ready`)).status === 200, 20_000);
    await waitFor('the recovery logged', async () => api.lines.some((line) => line.includes('Redis answers again')), 10_000);
    expect(nonJsonLines([...api.lines, ...worker.lines])).toEqual([]);
    expect(api.alive() && worker.alive()).toBe(true);
  }, 90_000);
});
