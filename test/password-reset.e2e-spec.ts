import { anctAdmin, bearer, funderManager, http, invitedColleague, type LoggedIn, TEST_PASSWORD } from './support/actors';
import { uniqueEmail } from './support/identifiers';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

const NEW_PASSWORD = 'a brand new long password';

describe('Password reset by e-mail', () => {
  const smtp = new SmtpSink();
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;

  beforeAll(async () => {
    await smtp.start();
    testApp = await createTestApp({
      withWorker: true,
      settings: { SMTP_URL: smtp.url, OUTBOX_DISPATCH_SECONDS: '1', PASSWORD_RESET_TTL_MINUTES: '30' },
    });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    await smtp.stop();
  });

  const requestReset = (email: string, ip = '203.0.113.7') =>
    http(testApp).post('/api/v1/auth/password-reset-requests').set('X-Forwarded-For', ip).send({ email });

  /** The token of the newest reset e-mail received by `email`. */
  async function tokenFromMail(email: string, count: number): Promise<string> {
    await smtp.waitFor(() => smtp.to(email).filter((mail) => mail.subject.includes('Réinitialisation')).length === count);
    const mail = smtp
      .to(email)
      .filter((received) => received.subject.includes('Réinitialisation'))
      .at(-1)!;
    expect(mail.text).toContain('pendant 30 minutes');
    return /nouveau-mot-de-passe#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  }

  it('answers the same for an unknown address and sends the link only to an existing account', async () => {
    const colleague = await invitedColleague(testApp, funder);
    const unknown = uniqueEmail('nobody');
    const known = await requestReset(colleague.email.toUpperCase()).expect(202);
    const notKnown = await requestReset(unknown).expect(202);
    expect(notKnown.body).toEqual(known.body);
    expect(known.body.message).toMatch(/^Si un compte actif existe pour cette adresse/);

    const token = await tokenFromMail(colleague.email, 1);
    expect(smtp.to(unknown)).toHaveLength(0);

    // The link works once, signs in, and ends the other sessions.
    const reset = await http(testApp).post('/api/v1/auth/password-reset').send({ token, password: NEW_PASSWORD }).expect(200);
    await http(testApp).get('/api/v1/auth/me').set(bearer(reset.body.accessToken)).expect(200);
    await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: colleague.refreshToken }).expect(401);
    const reused = await http(testApp)
      .post('/api/v1/auth/password-reset')
      .send({ token, password: 'yet another long password' })
      .expect(400);
    expect(reused.body.code).toBe('INVALID_PASSWORD_RESET');
    await http(testApp).post('/api/v1/auth/login').send({ email: colleague.email, password: TEST_PASSWORD }).expect(401);
    await http(testApp).post('/api/v1/auth/login').send({ email: colleague.email, password: NEW_PASSWORD }).expect(200);

    const audit = await testApp.dataSource.query(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action LIKE 'user.password_reset%' ORDER BY occurred_at`,
      [colleague.id],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['user.password_reset_requested', 'user.password_reset']);
  });

  it('keeps only the newest link, and refuses an expired one', async () => {
    const colleague = await invitedColleague(testApp, funder);
    await requestReset(colleague.email, '203.0.113.8').expect(202);
    const first = await tokenFromMail(colleague.email, 1);
    await requestReset(colleague.email, '203.0.113.8').expect(202);
    const second = await tokenFromMail(colleague.email, 2);
    expect(
      (await http(testApp).post('/api/v1/auth/password-reset').send({ token: first, password: NEW_PASSWORD }).expect(400)).body.code,
    ).toBe('INVALID_PASSWORD_RESET');

    await testApp.dataSource.query(`UPDATE users SET password_reset_expires_at = now() - interval '1 second' WHERE id = $1`, [
      colleague.id,
    ]);
    await http(testApp).post('/api/v1/auth/password-reset').send({ token: second, password: NEW_PASSWORD }).expect(400);
    await http(testApp).post('/api/v1/auth/login').send({ email: colleague.email, password: TEST_PASSWORD }).expect(200);
  });

  it('sends nothing to a deactivated account, with the same answer', async () => {
    const colleague = await invitedColleague(testApp, funder);
    await http(testApp).post(`/api/v1/users/${colleague.id}/deactivate`).set(bearer(funder.token)).expect(200);
    const answer = await requestReset(colleague.email, '203.0.113.9').expect(202);
    expect(answer.body.message).toMatch(/^Si un compte actif existe/);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.to(colleague.email).filter((mail) => mail.subject.includes('Réinitialisation'))).toHaveLength(0);
  });

  it('limits requests per address, existing or not, and per IP address', async () => {
    for (const email of [funder.email, uniqueEmail('nobody')]) {
      for (let attempt = 0; attempt < 3; attempt++) await requestReset(email, '198.51.100.1').expect(202);
      const limited = await requestReset(email, '198.51.100.1').expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    await http(testApp).post('/api/v1/auth/password-reset-requests').send({ email: 'not an address' }).expect(400);
  });
});
