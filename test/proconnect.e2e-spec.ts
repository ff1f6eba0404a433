import { Redis } from 'ioredis';
import { anctAdmin, bearer, funderManager, http, type LoggedIn, prescriberAgent } from './support/actors';
import { uniqueEmail } from './support/identifiers';
import { CLIENT_ID, CLIENT_SECRET, followToRedirect, OidcTestProvider } from './support/oidc-test-provider';
import { createTestApp, type TestApp } from './support/test-app';

const REDIRECT_URL = 'http://localhost:3000/api/v1/auth/proconnect/callback';
const AFTER_LOGOUT_URL = 'http://localhost:3000/';

describe('Sign-in with ProConnect against a real OpenID provider', () => {
  const provider = new OidcTestProvider();
  let testApp: TestApp;
  let prescriber: LoggedIn;
  let siret: string;

  beforeAll(async () => {
    await provider.start(REDIRECT_URL, AFTER_LOGOUT_URL);
    testApp = await createTestApp({
      settings: {
        PROCONNECT_ISSUER: provider.issuerUrl,
        PROCONNECT_CLIENT_ID: CLIENT_ID,
        PROCONNECT_CLIENT_SECRET: CLIENT_SECRET,
        PROCONNECT_REDIRECT_URL: REDIRECT_URL,
        PROCONNECT_POST_LOGOUT_REDIRECT_URL: AFTER_LOGOUT_URL,
      },
    });
    const anct = await anctAdmin(testApp);
    prescriber = await prescriberAgent(testApp, await funderManager(testApp, anct));
    [{ siret }] = await testApp.dataSource.query(`SELECT siret FROM organisations WHERE id = $1`, [prescriber.organisationId]);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    await provider.stop();
  });

  /** Starts at the API, goes through the provider, returns the callback address and this browser's state cookie. */
  async function throughProvider(): Promise<{ callback: URL; cookie: string }> {
    const login = await http(testApp).get('/api/v1/auth/proconnect/login').expect(302);
    const authorizationUrl = new URL(login.headers.location);
    expect(authorizationUrl.origin).toBe(provider.issuerUrl);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authorizationUrl.searchParams.get('scope')).toBe('openid email given_name usual_name uid siret idp_id');
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect(cookie).toBe(`pn_proconnect_state=${authorizationUrl.searchParams.get('state')}`);
    return { callback: await followToRedirect(authorizationUrl.href, REDIRECT_URL), cookie };
  }

  /** A software client: asks for JSON, gets the token pair (or a JSON refusal). */
  const callApi = (callback: URL, cookie: string) =>
    http(testApp).get(`${callback.pathname}${callback.search}`).set('Cookie', cookie).set('Accept', 'application/json');
  /** A browser: asks for a page, gets the session cookies and a redirect to the web application. */
  const callAsBrowser = (callback: URL, cookie: string) =>
    http(testApp)
      .get(`${callback.pathname}${callback.search}`)
      .set('Cookie', cookie)
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');

  async function invite(email: string): Promise<string> {
    const invited = await http(testApp)
      .post('/api/v1/users')
      .set(bearer(prescriber.token))
      .send({ email, displayName: 'Camille Martin' })
      .expect(201);
    return invited.body.user.id;
  }

  it('links an invited person at the first sign-in by e-mail and SIRET, then by sub and idp_id', async () => {
    const email = uniqueEmail('camille');
    const userId = await invite(email);
    provider.identity = {
      sub: 'sub-camille',
      email: email.toUpperCase(),
      siret: `${siret.slice(0, 3)} ${siret.slice(3)}`,
      idpId: 'idp-agents',
    };

    const first = await throughProvider();
    const session = await callApi(first.callback, first.cookie).expect(200);
    expect(session.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), refreshToken: expect.any(String) });
    const me = await http(testApp).get('/api/v1/auth/me').set(bearer(session.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ userId, organisationId: prescriber.organisationId, role: 'prescriber_agent' });
    const endSession = new URL(session.body.endSessionUrl);
    expect(endSession.origin).toBe(provider.issuerUrl);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(AFTER_LOGOUT_URL);
    const [row] = await testApp.dataSource.query(
      `SELECT status, proconnect_sub, proconnect_idp_id, invitation_token_hash FROM users WHERE id = $1`,
      [userId],
    );
    expect(row).toEqual({ status: 'active', proconnect_sub: 'sub-camille', proconnect_idp_id: 'idp-agents', invitation_token_hash: null });
    // The refresh token is the same as a password login's.
    await http(testApp).post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(200);

    // Later, the identity provider reports another address: the link (sub + idp_id) still signs the person in.
    provider.identity = { ...provider.identity, email: uniqueEmail('camille-new') };
    const second = await throughProvider();
    const again = await callApi(second.callback, second.cookie).expect(200);
    expect((await http(testApp).get('/api/v1/auth/me').set(bearer(again.body.accessToken)).expect(200)).body.userId).toBe(userId);
    const audit = await testApp.dataSource.query(
      `SELECT action FROM audit_events WHERE object_id = $1 AND action = 'user.proconnect_linked'`,
      [userId],
    );
    expect(audit).toHaveLength(1);
  });

  it('signs a browser in with the session cookies and sends it to the page it asked for', async () => {
    const email = uniqueEmail('browser');
    const userId = await invite(email);
    provider.identity = { sub: 'sub-browser', email, siret, idpId: 'idp-agents' };
    const login = await http(testApp).get('/api/v1/auth/proconnect/login').query({ retour: '/prescripteur/compte' }).expect(302);
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const callback = await followToRedirect(login.headers.location, REDIRECT_URL);
    const answer = await callAsBrowser(callback, cookie).expect(200);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.text).toContain(
      `<meta http-equiv="refresh" content="0;url=/connexion?retour=${encodeURIComponent('/prescripteur/compte')}">`,
    );
    const cookies = answer.headers['set-cookie'] as unknown as string[];
    expect(cookies.map((value) => value.split('=')[0]).sort()).toEqual([
      'pn_access',
      'pn_csrf',
      'pn_proconnect',
      'pn_proconnect_logout',
      'pn_proconnect_state',
      'pn_refresh',
    ]);
    const access = cookies.find((value) => value.startsWith('pn_access='))!.split(';')[0];
    const me = await http(testApp).get('/api/v1/auth/me').set('Cookie', access).expect(200);
    expect(me.body.userId).toBe(userId);

    // Its logout goes through ProConnect's end-session address (only ever ProConnect's), then forgets it.
    const endSession = cookies.find((value) => value.startsWith('pn_proconnect_logout='))!.split(';')[0];
    const logout = await http(testApp).get('/api/v1/auth/proconnect/logout').set('Cookie', endSession).expect(303);
    expect(new URL(logout.headers.location).origin).toBe(provider.issuerUrl);
    expect(new URL(logout.headers.location).searchParams.get('id_token_hint')).toBeTruthy();
    const elsewhere = `pn_proconnect_logout=${encodeURIComponent('https://evil.example/logout')}`;
    expect((await http(testApp).get('/api/v1/auth/proconnect/logout').set('Cookie', elsewhere).expect(303)).headers.location).toBe(
      '/connexion',
    );
    expect((await http(testApp).get('/api/v1/auth/proconnect/logout').expect(303)).headers.location).toBe('/connexion');
  });

  it('refuses an unknown person (the browser reads why on the login page, a client gets a JSON refusal), and gives them no account', async () => {
    provider.identity = { sub: 'sub-stranger', email: uniqueEmail('stranger'), siret, idpId: 'idp-agents' };
    const { callback, cookie } = await throughProvider();
    const refusal = await callApi(callback, cookie).expect(403);
    expect(refusal.body).toMatchObject({ code: 'PROCONNECT_REFUSED', details: { reason: 'UNKNOWN_PERSON' } });
    expect(refusal.body.message).toContain('Aucun compte Pass numérique ne correspond à votre identité ProConnect');
    const inBrowser = await throughProvider();
    const page = await callAsBrowser(inBrowser.callback, inBrowser.cookie).expect(303);
    expect(page.headers.location).toBe('/connexion?proconnect=UNKNOWN_PERSON');
    expect(page.headers['set-cookie'] as unknown as string[]).toHaveLength(1);
    expect(await testApp.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [provider.identity.email])).toHaveLength(0);
  });

  it('refuses an invited person whose ProConnect SIRET is another structure’s', async () => {
    const email = uniqueEmail('other-siret');
    const userId = await invite(email);
    provider.identity = { sub: 'sub-other', email, siret: '12345678200010', idpId: 'idp-agents' };
    const { callback, cookie } = await throughProvider();
    const page = await callApi(callback, cookie).expect(403);
    expect(page.body.message).toContain('rattachée à une autre structure (SIRET)');
    const [row] = await testApp.dataSource.query(`SELECT status, proconnect_sub FROM users WHERE id = $1`, [userId]);
    expect(row).toEqual({ status: 'invited', proconnect_sub: null });
  });

  it('refuses a forged state, a flow from another browser and a replayed callback', async () => {
    const email = uniqueEmail('forged');
    await invite(email);
    provider.identity = { sub: 'sub-forged', email, siret, idpId: 'idp-agents' };
    const { callback, cookie } = await throughProvider();
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-value');
    expect((await callApi(forged, 'pn_proconnect_state=forged-state-value').expect(403)).body.message).toContain(
      'Recommencez la connexion',
    );
    await callApi(callback, 'pn_proconnect_state=another-browser').expect(403);
    await callApi(callback, cookie).expect(200);
    await callApi(callback, cookie).expect(403);
  });

  it('refuses an ID token whose nonce is not the one this flow sent', async () => {
    const email = uniqueEmail('nonce');
    await invite(email);
    provider.identity = { sub: 'sub-nonce', email, siret, idpId: 'idp-agents' };
    const { callback, cookie } = await throughProvider();
    // The flow kept by the API now expects another nonce than the one in the provider's ID token.
    const redis = new Redis(testApp.config.REDIS_URL, { keyPrefix: `${testApp.config.REDIS_PREFIX}:` });
    try {
      const key = `proconnect-flow:${callback.searchParams.get('state')}`;
      const flow = JSON.parse((await redis.get(key))!);
      await redis.set(key, JSON.stringify({ ...flow, nonce: 'another-nonce' }), 'EX', 600);
    } finally {
      redis.disconnect();
    }
    const page = await callApi(callback, cookie).expect(403);
    expect(page.body.details.reason).toBe('PROVIDER_ERROR');
  });

  it('refuses a userinfo answer signed by another key than the provider’s', async () => {
    const email = uniqueEmail('forged-userinfo');
    const userId = await invite(email);
    provider.identity = { sub: 'sub-forged-userinfo', email, siret, idpId: 'idp-agents' };
    provider.forgeUserinfo = true;
    try {
      const { callback, cookie } = await throughProvider();
      const page = await callApi(callback, cookie).expect(403);
      expect(page.body.message).toContain('La réponse de ProConnect n’a pas pu être vérifiée');
    } finally {
      provider.forgeUserinfo = false;
    }
    const [row] = await testApp.dataSource.query(`SELECT proconnect_sub FROM users WHERE id = $1`, [userId]);
    expect(row.proconnect_sub).toBeNull();
  });
});

describe('ProConnect not configured', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  }, 60_000);
  afterAll(() => testApp.close());

  it('answers 404 PROCONNECT_DISABLED', async () => {
    const response = await http(testApp).get('/api/v1/auth/proconnect/login').expect(404);
    expect(response.body.code).toBe('PROCONNECT_DISABLED');
    await http(testApp).get('/api/v1/auth/proconnect/callback?code=x&state=y').expect(404);
  });
});
