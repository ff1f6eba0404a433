import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { ALL_QUEUE_NAMES } from '../src/queue/queue-names';
import { anctAdmin, bearer, funderManager, http, TEST_PASSWORD, type LoggedIn } from './support/actors';
import { binary } from './support/pdf';
import { createTestApp, type TestApp } from './support/test-app';

/** `Set-Cookie` values of a response → { name: "name=value; attributes" }. */
function setCookies(response: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  return Object.fromEntries(list.map((cookie) => [cookie.slice(0, cookie.indexOf('=')), cookie]));
}
const valueOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1, cookie.indexOf(';')));

const brotliCompressed = brotliCompressSync('console.log(1)');

describe('The web application on the API origin, and browser sessions', () => {
  let testApp: TestApp;
  let webDir: string;
  let anct: LoggedIn;
  let origin: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'pn-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="fr"><title>Pass numérique</title></html>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    // What the build writes beside each asset (web/build/precompress.ts).
    writeFileSync(join(webDir, 'assets', 'index-abc123.js.br'), brotliCompressed);
    testApp = await createTestApp({ settings: { WEB_DIST_DIR: webDir, PUBLIC_BASE_URL: 'http://localhost:3000' } });
    origin = 'http://localhost:3000';
    anct = await anctAdmin(testApp);
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the pages with a strict CSP, hashed assets cached for good, and never swallows a server path', async () => {
    for (const path of ['/', '/connexion', '/guichet/historique?page=2']) {
      const page = await http(testApp)
        .get(path)
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(page.text).toContain('Pass numérique');
      expect(page.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const asset = await http(testApp).get('/assets/index-abc123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-encoding']).toBeUndefined();
    // A browser that accepts brotli gets the file compressed at build time, with the same headers.
    const compressed = await http(testApp)
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['content-type']).toMatch(/javascript/);
    expect(compressed.headers['cache-control']).toContain('immutable');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    // The build's .br file as it is (the HTTP client decodes it).
    expect(Number(compressed.headers['content-length'])).toBe(brotliCompressed.length);
    expect((compressed.body as Buffer).toString()).toBe('console.log(1)');
    for (const path of ['/api/v1/no-such-route', '/api/nothing', '/api', '/health/nothing', '/admin/nothing']) {
      const missing = await http(testApp).get(path).expect(404);
      expect(missing.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    await http(testApp).get('/health').expect(200, { status: 'ok' });
  });

  it('opens a browser session in cookies, refuses changes without the CSRF token, renews and closes it', async () => {
    const funder = await funderManager(testApp, anct);
    const wrong = await http(testApp)
      .post('/api/v1/auth/session')
      .set('Origin', origin)
      .send({ email: funder.email, password: 'wrong password' })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await http(testApp)
      .post('/api/v1/auth/session')
      .set('Origin', 'https://evil.example')
      .send({ email: funder.email, password: TEST_PASSWORD })
      .expect(403);

    const opened = await http(testApp)
      .post('/api/v1/auth/session')
      .set('Origin', origin)
      .send({ email: funder.email, password: TEST_PASSWORD })
      .expect(200);
    expect(opened.body).toMatchObject({ role: 'funder_manager', organisationId: funder.organisationId });
    expect(opened.body.accessToken).toBeUndefined();
    const cookies = setCookies(opened);
    expect(cookies.pn_access).toMatch(/; Path=\/; Max-Age=\d+; SameSite=Strict; HttpOnly$/);
    expect(cookies.pn_refresh).toMatch(/; Path=\/api\/v1\/auth\/session; Max-Age=\d+; SameSite=Strict; HttpOnly$/);
    expect(cookies.pn_csrf).toMatch(/; Path=\/; Max-Age=\d+; SameSite=Strict$/);
    const access = `pn_access=${valueOf(cookies.pn_access)}`;
    const csrf = valueOf(cookies.pn_csrf);
    const jar = `${access}; pn_csrf=${csrf}`;

    await http(testApp).get('/api/v1/auth/me').set('Cookie', jar).expect(200);
    const withoutToken = await http(testApp).post('/api/v1/users').set('Cookie', jar).send({}).expect(403);
    expect(withoutToken.body.code).toBe('CSRF_REJECTED');
    await http(testApp).post('/api/v1/users').set('Cookie', jar).set('X-CSRF-Token', 'another').send({}).expect(403);
    await http(testApp)
      .post('/api/v1/users')
      .set('Cookie', jar)
      .set('X-CSRF-Token', csrf)
      .set('Origin', 'https://evil.example')
      .send({})
      .expect(403);
    const withToken = await http(testApp)
      .post('/api/v1/users')
      .set('Cookie', jar)
      .set('X-CSRF-Token', csrf)
      .set('Origin', origin)
      .send({})
      .expect(400);
    expect(withToken.body.code).toBe('VALIDATION_FAILED');
    // Software clients are judged by their header alone: a bearer token needs no CSRF token.
    await http(testApp).post('/api/v1/users').set(bearer(funder.token)).set('Cookie', access).send({}).expect(400);

    const refreshCookie = `pn_refresh=${valueOf(cookies.pn_refresh)}`;
    await http(testApp).post('/api/v1/auth/session/refresh').set('Cookie', refreshCookie).expect(403);
    const renewed = await http(testApp)
      .post('/api/v1/auth/session/refresh')
      .set('Cookie', `${refreshCookie}; pn_csrf=${csrf}`)
      .set('X-CSRF-Token', csrf)
      .expect(200);
    const renewedCookies = setCookies(renewed);
    const renewedJar = `pn_access=${valueOf(renewedCookies.pn_access)}; pn_refresh=${valueOf(renewedCookies.pn_refresh)}; pn_csrf=${valueOf(renewedCookies.pn_csrf)}`;

    const closed = await http(testApp)
      .delete('/api/v1/auth/session')
      .set('Cookie', renewedJar)
      .set('X-CSRF-Token', valueOf(renewedCookies.pn_csrf))
      .expect(204);
    expect(setCookies(closed).pn_access).toContain('Max-Age=0');
    // The refresh token is revoked: the session cannot be renewed any more.
    await http(testApp)
      .post('/api/v1/auth/session/refresh')
      .set('Cookie', `pn_refresh=${valueOf(renewedCookies.pn_refresh)}; pn_csrf=${csrf}`)
      .set('X-CSRF-Token', csrf)
      .expect(401);
  });

  it('opens the queue dashboard to an ANCT admin with the session cookie, not to another role', async () => {
    const funder = await funderManager(testApp, anct);
    const sessionOf = async (email: string) => {
      const opened = await http(testApp).post('/api/v1/auth/session').send({ email, password: TEST_PASSWORD }).expect(200);
      return `pn_access=${valueOf(setCookies(opened).pn_access)}`;
    };
    await http(testApp)
      .get('/admin/queues/api/queues')
      .set('Cookie', await sessionOf(anct.email))
      .expect(200);
    await http(testApp)
      .get('/admin/queues/api/queues')
      .set('Cookie', await sessionOf(funder.email))
      .expect(403);
    await http(testApp)
      .put(`/admin/queues/api/queues/${ALL_QUEUE_NAMES[0]}/pause`)
      .set('Cookie', await sessionOf(anct.email))
      .set('Origin', 'https://evil.example')
      .expect(403);
  });
});
