/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueEmail } from '../support/identifiers';
import { CLIENT_ID, CLIENT_SECRET, OidcTestProvider } from '../support/oidc-test-provider';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { expectCleanPage, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUser, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 150_000;
const SERVER_TIMEOUT = 300_000;
const NEW_PASSWORD = 'un tout nouveau mot de passe';

/**
 * Identity in the browser: a forgotten password (the link read from the .eml file the server writes
 * without SMTP), an invitation accepted, notification preferences saved, and sign-in with ProConnect
 * against a real OpenID provider started in the test process.
 */
describe('Identity pages in the web application (Chromium)', () => {
  const provider = new OidcTestProvider();
  let mailDir: string;
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'pn-browser-mail-'));
    browser = await launchChromium();
    server = await startBrowserServer(async (baseUrl) => {
      await provider.start(`${baseUrl}/api/v1/auth/proconnect/callback`, `${baseUrl}/`);
      return {
        MAIL_FILES_DIR: mailDir,
        OUTBOX_DISPATCH_SECONDS: '1',
        PROCONNECT_ISSUER: provider.issuerUrl,
        PROCONNECT_CLIENT_ID: CLIENT_ID,
        PROCONNECT_CLIENT_SECRET: CLIENT_SECRET,
        PROCONNECT_REDIRECT_URL: `${baseUrl}/api/v1/auth/proconnect/callback`,
        PROCONNECT_POST_LOGOUT_REDIRECT_URL: `${baseUrl}/`,
      };
    });
    provider.loginForm = true;
    users = await seedUsers(server);
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider.stop();
    rmSync(mailDir, { recursive: true, force: true });
  }, SERVER_TIMEOUT);

  beforeEach(async () => {
    ({ context, page, watch } = await openJourneyPage(browser, server));
  });
  afterEach(async () => {
    await context?.close();
    expectCleanPage(watch);
  });

  /** The link of the last e-mail to `email` whose subject contains `subject`, as the worker wrote it in MAIL_FILES_DIR. */
  async function linkInMail(email: string, subject: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const name of readdirSync(mailDir)
        .filter((file) => file.endsWith('.eml'))
        .sort()
        .reverse()) {
        const mail = await simpleParser(readFileSync(join(mailDir, name)));
        const to = Array.isArray(mail.to) ? mail.to.map((address) => address.text).join(',') : (mail.to?.text ?? '');
        if (!to.includes(email) || !mail.subject?.includes(subject)) continue;
        const link = /(https?:\/\/\S+#token=[A-Za-z0-9_%-]+)/.exec(mail.text ?? '')?.[1];
        if (link) return link;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`No e-mail "${subject}" to ${email} in ${mailDir}`);
  }

  async function invite(inviter: SeededUser, email: string): Promise<void> {
    const response = await fetch(`${server.baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${inviter.token}` },
      body: JSON.stringify({ email, displayName: 'Camille Martin' }),
    });
    expect(response.status).toBe(201);
  }

  it(
    'sends a reset link by e-mail; its page sets a new password and signs in; the new password then works',
    async () => {
      await page.goto('/connexion');
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      await expectNoAxeViolations(page, 'mot de passe oublié');
      await takeScreenshots(page, 'mot-de-passe-oublie');
      await page.getByLabel('Adresse e-mail').fill(users.venue.email);
      await page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await page.getByText('Demande envoyée').waitFor();
      await expectNoAxeViolations(page, 'mot de passe oublié (envoyé)');

      const link = await linkInMail(users.venue.email, 'Réinitialisation');
      expect(link.startsWith(`${server.baseUrl}/nouveau-mot-de-passe#token=`)).toBe(true);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor();
      // The token leaves the address bar (and the history) as soon as the page has read it.
      expect(page.url()).toBe(`${server.baseUrl}/nouveau-mot-de-passe`);
      await expectNoAxeViolations(page, 'nouveau mot de passe');
      await takeScreenshots(page, 'nouveau-mot-de-passe');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill('un autre mot de passe long');
      await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
      await page.getByText('Les deux mots de passe ne sont pas identiques.').waitFor();
      await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
      await page.waitForURL('**/guichet');

      await context.clearCookies();
      await page.goto('/connexion');
      await logInThroughForm(page, { email: users.venue.email, password: users.venue.password });
      await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
      await logInThroughForm(page, { email: users.venue.email, password: NEW_PASSWORD });
      await page.waitForURL('**/guichet');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'accepts an invitation from its e-mail link: the person chooses a password and lands in their space',
    async () => {
      const email = uniqueEmail('invited-browser');
      await invite(users.prescriber, email);
      const link = await linkInMail(email, 'Votre invitation');
      expect(link.startsWith(`${server.baseUrl}/invitation#token=`)).toBe(true);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Activer votre compte' }).waitFor();
      await expectNoAxeViolations(page, 'invitation');
      await takeScreenshots(page, 'invitation');
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Activer mon compte' }).click();
      await page.waitForURL('**/prescripteur');
      await page.getByRole('heading', { level: 1, name: 'Espace prescripteur' }).waitFor();
      const [user] = await server.query<{ status: string }>(`SELECT status FROM users WHERE email = $1`, [email]);
      expect(user.status).toBe('active');

      // The link works once.
      await context.clearCookies();
      await page.goto(link);
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Activer mon compte' }).click();
      await page.getByText('Cette invitation est inconnue, déjà utilisée ou expirée.').waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'saves the notification preferences chosen in "Mon compte"',
    async () => {
      await page.goto('/financeur/compte');
      await page.waitForURL('**/connexion?**');
      await logInThroughForm(page, users.funder);
      await page.waitForURL('**/financeur/compte');
      await page.getByRole('heading', { level: 2, name: 'Notifications par e-mail' }).waitFor();
      const approved = page.getByLabel('Commande approuvée');
      expect(await approved.isChecked()).toBe(true);
      await approved.uncheck({ force: true });
      await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
      await page.getByText('Vos choix de notifications sont enregistrés.').waitFor();
      await expectNoAxeViolations(page, 'mon compte (notifications)');
      await takeScreenshots(page, 'compte-notifications');
      const optOuts = await server.query<{ kind: string }>(
        `SELECT n.kind FROM notification_opt_outs n JOIN users u ON u.id = n.user_id WHERE u.email = $1`,
        [users.funder.email],
      );
      expect(optOuts).toEqual([{ kind: 'order_approved' }]);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Notifications par e-mail' }).waitFor();
      await page.getByLabel('Commande refusée').waitFor();
      expect(await page.getByLabel('Commande approuvée').isChecked()).toBe(false);
      expect(await page.getByLabel('Commande refusée').isChecked()).toBe(true);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'signs an invited person in with ProConnect: the button, the provider’s login, then their space',
    async () => {
      const email = uniqueEmail('proconnect-browser');
      await invite(users.prescriber, email);
      const [{ siret }] = await server.query<{ siret: string }>(
        `SELECT o.siret FROM organisations o JOIN users u ON u.organisation_id = o.id WHERE u.email = $1`,
        [users.prescriber.email],
      );
      provider.identity = { sub: 'sub-browser-proconnect', email, siret, idpId: 'idp-agents' };

      await page.goto('/connexion');
      const button = page.getByRole('link', { name: 'S’identifier avec ProConnect' });
      await button.waitFor();
      await expectNoAxeViolations(page, 'connexion avec ProConnect');
      await takeScreenshots(page, 'connexion-proconnect');
      await button.click();
      await page.waitForURL(`${provider.issuerUrl}/**`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL('**/prescripteur');
      await page.getByRole('heading', { level: 1, name: 'Espace prescripteur' }).waitFor();
      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'pn_access')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      // The page can read its CSRF token (a change works without reloading first).
      expect(await page.evaluate(() => document.cookie)).toContain('pn_csrf=');
      const [user] = await server.query<{ status: string; proconnect_sub: string }>(
        `SELECT status, proconnect_sub FROM users WHERE email = $1`,
        [email],
      );
      expect(user).toEqual({ status: 'active', proconnect_sub: 'sub-browser-proconnect' });

      // Logging out ends the ProConnect session too, then comes back to the platform.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(`${provider.issuerUrl}/**`);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL('**/connexion');
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('pn_access');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'tells a person ProConnect does not know why they are refused, in French, on the login page',
    async () => {
      provider.identity = { sub: 'sub-unknown', email: uniqueEmail('unknown'), siret: null, idpId: 'idp-agents' };
      await page.goto('/prescripteur/compte');
      await page.waitForURL('**/connexion?**');
      await page.getByRole('link', { name: 'S’identifier avec ProConnect' }).click();
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL('**/connexion?proconnect=UNKNOWN_PERSON**');
      await page.getByText('Aucun compte Pass numérique ne correspond à votre identité ProConnect.').waitFor();
      await expectNoAxeViolations(page, 'connexion (refus ProConnect)');
      await takeScreenshots(page, 'connexion-proconnect-refus');
    },
    JOURNEY_TIMEOUT,
  );
});
