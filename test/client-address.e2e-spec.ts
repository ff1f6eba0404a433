import { http } from './support/actors';
import { venueApplication } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The client's address feeds per-address limits (login, chèque guessing, venue applications) and audit rows:
 * it is the TCP peer's unless that peer is a configured proxy. supertest connects from 127.0.0.1.
 */
describe('Client address', () => {
  const apply = (testApp: TestApp, forwardedFor: string) =>
    http(testApp).post('/api/v1/venues/applications').set('X-Forwarded-For', forwardedFor).send(venueApplication());

  describe('with no trusted proxy (the default)', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '1' } });
    });
    afterAll(() => testApp.close());

    it('ignores X-Forwarded-For: a new forged address per request does not escape the per-address limit', async () => {
      await apply(testApp, '203.0.113.1').expect(201);
      const refused = await apply(testApp, '203.0.113.2').expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
    });
  });

  describe('behind a configured proxy', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '1', TRUSTED_PROXIES: '127.0.0.1' } });
    });
    afterAll(() => testApp.close());

    it('takes the address the proxy forwards, so each client has its own limit', async () => {
      await apply(testApp, '203.0.113.1').expect(201);
      await apply(testApp, '203.0.113.2').expect(201);
      await apply(testApp, '203.0.113.1').expect(429);
    });
  });

  describe('venue applications refused for their content', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '2' } });
    });
    afterAll(() => testApp.close());

    it('count towards the per-address daily limit like accepted ones', async () => {
      await http(testApp)
        .post('/api/v1/venues/applications')
        .send(venueApplication({ services: [{}] }))
        .expect(400);
      await http(testApp)
        .post('/api/v1/venues/applications')
        .send(venueApplication({ siret: '73282932000075' }))
        .expect(422);
      const refused = await http(testApp).post('/api/v1/venues/applications').send(venueApplication()).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
    });
  });
});
