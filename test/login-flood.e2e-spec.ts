import { anctAdmin, http, LoggedIn, TEST_PASSWORD } from './support/actors';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A failed login costs a password hash (≈ 0.5 s of a core). A flood of them from one address must not make
 * everyone else's login wait behind it. The proxy is trusted so that the test can speak from two addresses.
 */
describe('Login flood', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp({
      settings: { TRUSTED_PROXIES: '127.0.0.1', LOGIN_MAX_FAILURES_PER_IP: '10000', LOGIN_MAX_FAILURES_PER_EMAIL: '10000' },
    });
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  const login = (from: string, password: string) =>
    http(testApp).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email: anct.email, password });

  it('refuses the flooder past a few hashes in flight (429, Retry-After) without hashing, and lets others in', async () => {
    const flood = Promise.all(Array.from({ length: 48 }, () => login('203.0.113.66', 'wrong password')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const legitimate = login('198.51.100.7', TEST_PASSWORD);
    const [flooded, legitimateResponse] = await Promise.all([flood, legitimate]);

    expect(legitimateResponse.status).toBe(200);
    // Unbounded, all 48 were hashed (401 each), and a legitimate login waited behind them: each refused
    // request is a hash nobody waits for (the queue semantics are unit-tested in hashing-gate.spec.ts).
    const statuses = flooded.map((response) => response.status);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    const refused = flooded.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(refused[0].body.code).toBe('RATE_LIMITED');
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
