/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { expectCleanPage, followMenuLink, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 120_000;
const SERVER_TIMEOUT = 300_000;

/** Every role: where it lands, the menu entries it sees, a sentence of its real data, its screenshot name. */
const SPACES = [
  { role: 'venue', path: '/guichet', heading: 'Guichet', menu: 'Accueil du guichet', screenshot: 'guichet-accueil' },
  {
    role: 'prescriber',
    path: '/prescripteur',
    heading: 'Espace prescripteur',
    menu: 'Accueil prescripteur',
    screenshot: 'prescripteur-accueil',
  },
  { role: 'funder', path: '/financeur', heading: 'Espace financeur', menu: 'Accueil financeur', screenshot: 'financeur-accueil' },
  { role: 'anct', path: '/anct', heading: 'Espace ANCT', menu: 'Accueil ANCT', screenshot: 'anct-accueil' },
] as const;

describe('Browser sessions in the web application (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, SERVER_TIMEOUT);

  beforeEach(async () => {
    ({ context, page, watch } = await openJourneyPage(browser, server));
  });
  afterEach(async () => {
    await context?.close();
    expectCleanPage(watch);
  });

  it(
    'sends the login page with a strict Content-Security-Policy, accessible, and says so in French when the password is wrong',
    async () => {
      // A visitor (no session cookie) is not asked about a session it cannot have: no request, no 401 in the console.
      const sessionRequests: string[] = [];
      page.on('request', (request) => {
        if (/^\/api\/v1\/auth\/(me|session)/.test(new URL(request.url()).pathname)) sessionRequests.push(request.url());
      });
      const response = await page.goto('/connexion');
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      // Only WebAssembly compilation (the QR decoder) is allowed beyond our own origin's files: no inline script, no eval.
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:/);
      await page.getByRole('heading', { name: 'Connexion au Pass numérique' }).waitFor();
      expect(sessionRequests).toEqual([]);
      await expectNoAxeViolations(page, 'connexion');
      await takeScreenshots(page, 'connexion');

      await logInThroughForm(page, { ...users.venue, password: 'pas le bon mot de passe' });
      await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
      expect(page.url()).toBe(`${server.baseUrl}/connexion`);
      await expectNoAxeViolations(page, 'connexion (erreur)');
    },
    JOURNEY_TIMEOUT,
  );

  it.each(SPACES)(
    'lands the $role on $path, with its own menu only and its real data',
    async (space) => {
      const user = users[space.role];
      await page.goto('/');
      await page.waitForURL('**/connexion');
      await logInThroughForm(page, user);
      await page.waitForURL(`**${space.path}`);
      await page.getByRole('heading', { level: 1, name: space.heading }).waitFor();
      // Also the links of a drop-down that is closed (ANCT's home is under "Pilotage").
      const navigation = page.getByRole('navigation', { name: 'Menu principal' });
      await navigation.getByRole('link', { name: space.menu, includeHidden: true }).waitFor({ state: 'attached' });
      for (const other of SPACES.filter((candidate) => candidate !== space)) {
        expect(await page.getByRole('link', { name: other.menu, includeHidden: true }).count()).toBe(0);
      }
      // Real data from the API: the organisation's name as created (ANCT sees every organisation).
      const shownName = space.role === 'anct' ? users.venue.organisationName : user.organisationName;
      await page.getByText(shownName, { exact: true }).first().waitFor();
      await expectNoAxeViolations(page, space.path);
      await takeScreenshots(page, space.screenshot);

      // Another role's space sends them back to their own.
      const elsewhere = SPACES.find((candidate) => candidate !== space)!;
      await page.goto(elsewhere.path);
      await page.waitForURL(`**${space.path}`);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'keeps the session in HttpOnly SameSite cookies, nothing in localStorage, and logs out',
    async () => {
      const liveRefreshTokens = async () => {
        const [row] = await server.query<{ live: number }>(
          `SELECT count(*)::int AS live FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1 AND t.revoked_at IS NULL AND t.rotated_at IS NULL`,
          [users.funder.email],
        );
        return row.live;
      };
      const liveBefore = await liveRefreshTokens();
      await page.goto('/connexion');
      await logInThroughForm(page, users.funder);
      await page.waitForURL('**/financeur');
      expect(await liveRefreshTokens()).toBe(liveBefore + 1);
      const cookies = await context.cookies();
      const access = cookies.find((cookie) => cookie.name === 'pn_access');
      expect(access).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false });
      expect(cookies.find((cookie) => cookie.name === 'pn_csrf')).toMatchObject({ httpOnly: false, sameSite: 'Strict' });
      // The access token is nowhere a script can read it (react-dsfr keeps only the display settings in localStorage).
      const stored = await page.evaluate(() => ({
        storage: [...Object.values(localStorage), ...Object.values(sessionStorage)].join('\n'),
        readableCookies: document.cookie,
      }));
      expect(stored.storage).not.toContain(access!.value);
      expect(stored.storage).not.toMatch(/eyJ/);
      expect(stored.readableCookies).not.toContain('pn_access');
      expect(stored.readableCookies).not.toContain('pn_refresh');

      // A page request still in flight when the person logs out meets the logout's 401 (here held, then answered
      // 401 once the login page shows): it must not load the login page a second time (a slow answer did so in
      // CI, after the logout had ended) nor try to renew the ended session.
      let releaseHeld = (): void => undefined;
      const held = new Promise<void>((resolve) => (releaseHeld = resolve));
      let answeredHeld = (): void => undefined;
      const heldAnswered = new Promise<void>((resolve) => (answeredHeld = resolve));
      await page.route(
        (url) => url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v1/auth/'),
        async (route) => {
          await held;
          await route.fulfill({ status: 401, json: { code: 'UNAUTHENTICATED', message: 'Authentication required.' } });
          answeredHeld();
        },
        { times: 1 },
      );
      await followMenuLink(page, 'Commandes');
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL('**/connexion');
      const navigations: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
      const refreshed = page.waitForRequest('**/api/v1/auth/session/refresh', { timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      releaseHeld();
      await heldAnswered;
      expect(await refreshed).toBe(false);
      // Logged out by the person: the login page as it is, never one that would bring them back to the page left.
      expect(navigations.filter((url) => new URL(url).pathname + new URL(url).search !== '/connexion')).toEqual([]);
      expect(new URL(page.url()).search).toBe('');
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('pn_access');
      await page.goto('/financeur');
      await page.waitForURL('**/connexion?retour=%2Ffinanceur');
      // The session's refresh token is revoked; the funder's other logins (the API one made by seedUsers) live on.
      expect(await liveRefreshTokens()).toBe(liveBefore);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'brings a person whose session expired back to the login page, then to where they were',
    async () => {
      await page.goto('/connexion');
      await logInThroughForm(page, users.prescriber);
      await page.waitForURL('**/prescripteur');
      await page.getByText(users.prescriber.organisationName, { exact: true }).waitFor();
      // The session ends while the page is open (cookies gone: expired, or revoked elsewhere).
      await context.clearCookies();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mon compte' }).click();
      await page.waitForURL('**/connexion?retour=%2Fprescripteur%2Fcompte');
      await page.getByText('Votre session a pris fin.').waitFor();
      await logInThroughForm(page, users.prescriber);
      await page.waitForURL('**/prescripteur/compte');
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await page.getByText(users.prescriber.organisationName, { exact: true }).waitFor();
      await expectNoAxeViolations(page, '/prescripteur/compte');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'refuses a change made with the session cookie but without the CSRF token (403), and takes it with the token',
    async () => {
      await page.goto('/connexion');
      await logInThroughForm(page, users.anct);
      await page.waitForURL('**/anct');
      const post = (withToken: boolean) =>
        page.evaluate(async (sendToken) => {
          const csrf = /(?:^|; )pn_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
          const response = await fetch('/api/v1/users', {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json', ...(sendToken ? { 'X-CSRF-Token': decodeURIComponent(csrf) } : {}) },
            body: JSON.stringify({}),
          });
          return { status: response.status, code: ((await response.json()) as { code: string }).code };
        }, withToken);
      expect(await post(false)).toEqual({ status: 403, code: 'CSRF_REJECTED' });
      // With the token the request reaches validation (the empty body is then refused for what it is).
      expect(await post(true)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'opens the queue dashboard from the ANCT space with the browser session',
    async () => {
      await page.goto('/connexion');
      await logInThroughForm(page, users.anct);
      await page.waitForURL('**/anct');
      const dashboard = page.waitForResponse((response) => new URL(response.url()).pathname === '/admin/queues');
      await followMenuLink(page, "Files d'attente");
      expect((await dashboard).status()).toBe(200);
      // Bull Board's own page is not ours: only the API answers below it are checked.
      const queues = await page.evaluate(async () => (await fetch('/admin/queues/api/queues')).status);
      expect(queues).toBe(200);
      watch.cspViolations.length = 0;
      watch.errors.length = 0;
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'logs in with the keyboard alone',
    async () => {
      await page.goto('/connexion');
      await page.getByRole('heading', { name: 'Connexion au Pass numérique' }).waitFor();
      const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? '');
      for (let presses = 0; presses < 40 && (await focusedName()) !== 'email'; presses += 1) await page.keyboard.press('Tab');
      expect(await focusedName()).toBe('email');
      await page.keyboard.type(users.venue.email);
      await page.keyboard.press('Tab');
      expect(await focusedName()).toBe('password');
      await page.keyboard.type(users.venue.password);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/guichet');
      await page.getByRole('heading', { level: 1, name: 'Guichet' }).waitFor();
    },
    JOURNEY_TIMEOUT,
  );
});
