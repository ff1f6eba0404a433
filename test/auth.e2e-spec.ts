import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, TEST_PASSWORD } from './support/actors';
import { uniqueEmail } from './support/identifiers';

describe('Authentication', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { LOGIN_MAX_FAILURES_PER_EMAIL: '5' } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
  });
  afterAll(() => testApp.close());

  it('logs in with e-mail and password and identifies the caller', async () => {
    const login = await http(testApp)
      .post('/api/v1/auth/login')
      .send({ email: funder.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', accessTokenExpiresInSeconds: 900 });
    const me = await http(testApp).get('/api/v1/auth/me').set(bearer(login.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ kind: 'user', role: 'funder_manager', organisationKind: 'funder', isOrganisationAdmin: true });
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const wrongPassword = await http(testApp)
      .post('/api/v1/auth/login')
      .send({ email: funder.email, password: 'wrong password!' })
      .expect(401);
    const unknownEmail = await http(testApp)
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('nobody'), password: TEST_PASSWORD })
      .expect(401);
    const strip = ({ requestId: _ignored, ...body }: Record<string, unknown>) => body;
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('rotates refresh tokens and revokes the whole family when a rotated one is replayed', async () => {
    const login = await http(testApp).post('/api/v1/auth/login').send({ email: anct.email, password: TEST_PASSWORD }).expect(200);
    const first = login.body.refreshToken;
    const rotated = await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    await http(testApp).get('/api/v1/auth/me').set(bearer(rotated.body.accessToken)).expect(200);

    const replay = await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    expect(replay.body.code).toBe('INVALID_TOKEN');
    // The replay revoked the legitimate successor too: a stolen token cannot outlive its detection.
    await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
  });

  it('revokes refresh tokens on logout, and the access token of that login at once (not the other logins)', async () => {
    const login = await http(testApp).post('/api/v1/auth/login').send({ email: anct.email, password: TEST_PASSWORD }).expect(200);
    const otherLogin = await http(testApp).post('/api/v1/auth/login').send({ email: anct.email, password: TEST_PASSWORD }).expect(200);
    await http(testApp).get('/api/v1/auth/me').set(bearer(login.body.accessToken)).expect(200);
    await http(testApp).post('/api/v1/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    const afterLogout = await http(testApp).get('/api/v1/auth/me').set(bearer(login.body.accessToken)).expect(401);
    expect(afterLogout.body.code).toBe('UNAUTHENTICATED');
    await http(testApp).get('/api/v1/auth/me').set(bearer(otherLogin.body.accessToken)).expect(200);
  });

  it('refuses requests without a valid token', async () => {
    await http(testApp).get('/api/v1/auth/me').expect(401);
    const tampered = `${funder.token.slice(0, -3)}abc`;
    const response = await http(testApp).get('/api/v1/auth/me').set(bearer(tampered)).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });

  it('creates an API key shown once, authenticates with it, and stops accepting it once revoked', async () => {
    const created = await http(testApp).post('/api/v1/api-keys').set(bearer(funder.token)).send({ name: 'Logiciel métier' }).expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^pn_/);

    const listed = await http(testApp).get('/api/v1/api-keys').set(bearer(funder.token)).expect(200);
    expect(listed.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const stored = await testApp.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(stored[0].key_hash.toString('utf8')).not.toContain(key.slice(3));

    const viaHeader = await http(testApp).get('/api/v1/auth/me').set('X-Api-Key', key).expect(200);
    expect(viaHeader.body).toMatchObject({ kind: 'api_key', role: 'funder_manager', organisationId: funder.organisationId });
    await http(testApp).get('/api/v1/organisations').set(bearer(key)).expect(200);
    // An API key acts for software, not a person: it cannot manage users or other keys.
    await http(testApp).get('/api/v1/api-keys').set('X-Api-Key', key).expect(403);

    await http(testApp).delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(funder.token)).expect(200);
    await http(testApp).get('/api/v1/auth/me').set('X-Api-Key', key).expect(401);
  });

  it('shows ANCT an organisation’s keys without their secret, and lets it revoke a leaked one', async () => {
    const created = await http(testApp).post('/api/v1/api-keys').set(bearer(funder.token)).send({ name: 'Logiciel fuité' }).expect(201);
    const key: string = created.body.key;
    const url = `/api/v1/organisations/${funder.organisationId}/api-keys`;
    const listed = await http(testApp).get(url).set(bearer(anct.token)).expect(200);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, name: 'Logiciel fuité', revokedAt: null })]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(key);
    // Another organisation's path does not reach the key.
    await http(testApp)
      .delete(`/api/v1/organisations/${anct.organisationId}/api-keys/${created.body.id}`)
      .set(bearer(anct.token))
      .expect(404);
    await http(testApp).get('/api/v1/auth/me').set('X-Api-Key', key).expect(200);

    const revoked = await http(testApp).delete(`${url}/${created.body.id}`).set(bearer(anct.token)).expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    await http(testApp).get('/api/v1/auth/me').set('X-Api-Key', key).expect(401);
    const audit = await http(testApp)
      .get(`/api/v1/audit-events?objectType=api_key&objectId=${created.body.id}&action=api_key.revoked`)
      .set(bearer(anct.token))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ actorUserId: anct.userId, objectOrganisationId: funder.organisationId });
  });

  it('locks out a deactivated user at once, access token included', async () => {
    const invited = await http(testApp)
      .post('/api/v1/users')
      .set(bearer(funder.token))
      .send({ email: uniqueEmail('colleague'), displayName: 'Collègue' })
      .expect(201);
    const accepted = await http(testApp)
      .post('/api/v1/auth/accept-invitation')
      .send({ token: invited.body.invitationToken, password: TEST_PASSWORD })
      .expect(200);
    await http(testApp).get('/api/v1/auth/me').set(bearer(accepted.body.accessToken)).expect(200);
    // An invitation works once.
    await http(testApp)
      .post('/api/v1/auth/accept-invitation')
      .send({ token: invited.body.invitationToken, password: TEST_PASSWORD })
      .expect(400);

    await http(testApp).post(`/api/v1/users/${invited.body.user.id}/deactivate`).set(bearer(funder.token)).expect(200);
    await http(testApp).get('/api/v1/auth/me').set(bearer(accepted.body.accessToken)).expect(401);
    await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: accepted.body.refreshToken }).expect(401);
    await http(testApp).post('/api/v1/auth/login').send({ email: invited.body.user.email, password: TEST_PASSWORD }).expect(401);
  });

  it('rate-limits failed logins per e-mail with 429 and Retry-After', async () => {
    const target = uniqueEmail('target');
    for (let attempt = 0; attempt < 5; attempt++) {
      await http(testApp).post('/api/v1/auth/login').send({ email: target, password: 'not the password' }).expect(401);
    }
    const limited = await http(testApp).post('/api/v1/auth/login').send({ email: target, password: 'not the password' }).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
