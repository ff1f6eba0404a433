import { randomUUID } from 'node:crypto';
import { anctAdmin, bearer, http, invitedColleague, LoggedIn } from './support/actors';
import {
  issuedVouchers,
  type IssuedStock,
  qualifiedVenue,
  randomUnknownCode,
  type ReadyVenue,
  redeemRequest,
  withTypo,
} from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const WINDOW_SECONDS = 4;

describe('Anti-guessing of chèque codes', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let stock: IssuedStock;

  beforeAll(async () => {
    testApp = await createTestApp({
      settings: {
        VOUCHER_LOOKUP_MAX_FAILURES_PER_ACTOR: '5',
        VOUCHER_LOOKUP_MAX_FAILURES_PER_VENUE: '8',
        VOUCHER_LOOKUP_MAX_FAILURES_PER_IP: '100',
        VOUCHER_LOOKUP_WINDOW_SECONDS: String(WINDOW_SECONDS),
      },
    });
    anct = await anctAdmin(testApp);
    venue = await qualifiedVenue(testApp, anct);
    stock = await issuedVouchers(testApp, anct, { carnetCount: 1, carnetSize: 5 });
  });
  afterAll(() => testApp.close());

  const check = (token: string, code: string) => http(testApp).post('/api/v1/redemptions/check').set(bearer(token)).send({ code });

  it('answers a burst of random codes with 429 past the threshold, finds nothing, and tells ANCT', async () => {
    // Typos are caught by the check character and cost nothing.
    for (let i = 0; i < 10; i++)
      expect((await check(venue.agent.token, withTypo(randomUnknownCode()))).body.code).toBe('CHECK_CHARACTER_MISMATCH');
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await check(venue.agent.token, randomUnknownCode()));
    expect(answers.map((answer) => answer.status)).toEqual([422, 422, 422, 422, 422, 429, 429, 429]);
    const blocked = answers[5];
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_SECONDS);

    // Blocked means nothing is looked up: a genuine code is not even recognised.
    const genuine = await check(venue.agent.token, stock.vouchers[0].code).expect(429);
    expect(genuine.body.code).toBe('RATE_LIMITED');
    const redeem = await redeemRequest(testApp, venue, [{ code: stock.vouchers[0].code }]).expect(429);
    expect(redeem.body.code).toBe('RATE_LIMITED');

    const events = await http(testApp)
      .get('/api/v1/audit-events')
      .query({ action: 'voucher_lookup.blocked' })
      .set(bearer(anct.token))
      .expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      actorUserId: venue.agent.userId,
      objectId: venue.venueId,
      after: { scope: 'actor', threshold: 5, windowSeconds: WINDOW_SECONDS },
    });
  });

  it('also counts per venue: a colleague is blocked once the venue reaches its threshold', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 200));
    const colleague = await colleagueOf(venue);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await check(venue.agent.token, randomUnknownCode())).status);
    for (let i = 0; i < 4; i++) statuses.push((await check(colleague, randomUnknownCode())).status);
    // 5 for the first agent (its own threshold), then the venue's 8th failure blocks the colleague too.
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 422, 422, 429]);
  }, 30_000);

  it('does not store a 429 as the answer to an idempotency key, and an offline batch cannot get round the threshold', async () => {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 200));
    const guesses = Array.from({ length: 6 }, () => ({
      code: randomUnknownCode(),
      scannedAt: new Date().toISOString(),
      serviceId: venue.serviceId,
    }));
    const key = randomUUID();
    const batch = await http(testApp)
      .post('/api/v1/redemptions/offline-batches')
      .set(bearer(venue.agent.token))
      .set('Idempotency-Key', randomUUID())
      .send({
        deviceId: 'tablette',
        scans: [{ code: stock.vouchers[1].code, scannedAt: new Date().toISOString(), serviceId: venue.serviceId }, ...guesses],
      })
      .expect(429);
    expect(batch.body.code).toBe('RATE_LIMITED');
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM redemptions`);
    expect(count).toBe(0);

    await redeemRequest(testApp, venue, [{ code: stock.vouchers[1].code }], key).expect(429);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 + 200));
    await redeemRequest(testApp, venue, [{ code: stock.vouchers[1].code }], key).expect(201);
  }, 30_000);

  async function colleagueOf(of: ReadyVenue): Promise<string> {
    return (await invitedColleague(testApp, of.agent)).accessToken;
  }
});
