/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueEmail } from '../support/identifiers';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import {
  acceptNextConfirmation,
  expectCleanPage,
  followMenuLink,
  logInThroughForm,
  openJourneyPage,
  type PageWatch,
} from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { BROWSER_PASSWORD, seedUsers, type SeededUser, type SeededUsers } from './support/seed';
import { callApi, type PublicVenueSeed, seedPublicVenue } from './support/venue-seed';

const JOURNEY_TIMEOUT = 240_000;
const SERVER_TIMEOUT = 400_000;

interface FoundSite {
  id: string;
  name: string;
  openingHours: string | null;
  specificSupport: string[];
  phone: string | null;
  passServices: { label: string; maxVouchers: number; durationMinutes: number }[];
}

describe('The venue administrator’s sites and services (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let venue: PublicVenueSeed;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
    venue = await seedPublicVenue(server, users);
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

  async function logIn(user: Pick<SeededUser, 'email' | 'password'>): Promise<void> {
    await page.goto('/connexion');
    await logInThroughForm(page, user);
    await page.waitForURL('**/guichet');
  }

  const publicSearch = async () =>
    (await callApi<{ items: FoundSite[] }>(server, 'GET', '/public/venue-sites?q=69007')).items.find((site) => site.id === venue.siteId)!;

  it(
    'edits a site’s standard fields and hours (checked by the server’s parser as typed) and a service; the public search shows the change',
    async () => {
      await logIn(users.venue);
      const menu = page.getByRole('navigation', { name: 'Menu principal' });
      await menu.getByRole('link', { name: 'Sites et services' }).click();
      await page.waitForURL('**/guichet/lieu');
      await page.getByRole('heading', { level: 1, name: 'Sites et services' }).waitFor();
      await page
        .getByRole('table', { name: 'Services du lieu' })
        .getByRole('row', { name: new RegExp(venue.serviceLabel) })
        .waitFor();
      await expectNoAxeViolations(page, 'guichet/lieu');
      await takeScreenshots(page, 'guichet-lieu');

      await page.getByRole('link', { name: `Modifier le site ${venue.siteName}` }).click();
      await page.getByRole('heading', { level: 1, name: `Modifier le site ${venue.siteName}` }).waitFor();
      const hours = page.getByLabel('Horaires d’ouverture');
      expect(await hours.inputValue()).toBe('24/7');
      // Not the OSM syntax: said as typed, by the same parser as the server.
      await hours.fill('tous les jours');
      await page.getByText('les horaires ne sont pas au format OpenStreetMap', { exact: false }).waitFor();
      await hours.fill('Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00');
      const preview = page.getByRole('table', { name: 'Aperçu des horaires de cette semaine' });
      await preview.getByRole('row', { name: 'lundi 9 h – 12 h, 14 h – 18 h 30' }).waitFor();
      await preview.getByRole('row', { name: 'dimanche fermé' }).waitFor();
      await page.getByLabel('Téléphone (facultatif)').fill('04 72 00 00 00');
      await page.getByText('Surdité', { exact: true }).click();
      await expectNoAxeViolations(page, 'guichet/lieu/sites/:id');
      await takeScreenshots(page, 'guichet-lieu-site');
      await page.getByRole('button', { name: 'Enregistrer le site' }).click();
      await page.waitForURL('**/guichet/lieu');
      await page.getByText(`Le site « ${venue.siteName} » est enregistré.`, { exact: false }).waitFor();

      const [site] = await server.query(
        `SELECT opening_hours_osm AS "openingHoursOsm", phone, specific_support AS "specificSupport", fees, latitude, emails FROM venue_sites WHERE id = $1`,
        [venue.siteId],
      );
      // What the form does not show (coordinates, e-mail) is kept; what it shows is changed.
      expect(site).toEqual({
        openingHoursOsm: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00',
        phone: '+33472000000',
        specificSupport: ['Surdité'],
        fees: ['Gratuit'],
        latitude: 45.7485,
        emails: ['contact@epn-guillotiere.fr'],
      });

      // The service: two chèques become three, and a new name.
      await page.getByRole('link', { name: `Modifier le service ${venue.serviceLabel}` }).click();
      await page.getByRole('heading', { level: 1, name: `Modifier le service ${venue.serviceLabel}` }).waitFor();
      await page.getByLabel('Nom du service').fill('Démarches en ligne (CAF, impôts)');
      await page.getByLabel('Chèques par séance, au plus').fill('11');
      await page.getByRole('button', { name: 'Enregistrer le service' }).click();
      await page.getByText('Entre 1 et 10 chèques.').waitFor();
      await page.getByLabel('Chèques par séance, au plus').fill('3');
      await expectNoAxeViolations(page, 'guichet/lieu/services/:id');
      await takeScreenshots(page, 'guichet-lieu-service');
      await page.getByRole('button', { name: 'Enregistrer le service' }).click();
      await page.waitForURL('**/guichet/lieu');
      await page
        .getByRole('table', { name: 'Services du lieu' })
        .getByRole('row', { name: /Démarches en ligne \(CAF, impôts\).*3/ })
        .waitFor();
      expect(
        await server.query(`SELECT label, max_vouchers AS "maxVouchers", active FROM venue_services WHERE id = $1`, [venue.serviceId]),
      ).toEqual([{ label: 'Démarches en ligne (CAF, impôts)', maxVouchers: 3, active: true }]);
      expect(
        (
          await server.query<{ action: string }>(
            `SELECT action FROM audit_events WHERE object_id IN ($1, $2) AND action LIKE '%.updated' ORDER BY id`,
            [venue.siteId, venue.serviceId],
          )
        ).map((row) => row.action),
      ).toEqual([
        'venue_site.updated', // the seed's own description of the seat
        'venue_site.updated',
        'venue_service.updated',
      ]);

      // The public search and the venue's public page show the change at once.
      const found = await publicSearch();
      expect(found).toMatchObject({
        openingHours: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00',
        specificSupport: ['Surdité'],
        phone: '+33472000000',
      });
      expect(found.passServices).toEqual([expect.objectContaining({ label: 'Démarches en ligne (CAF, impôts)', maxVouchers: 3 })]);
      await page.goto(`/lieux/${venue.siteId}`);
      await page.getByText('Jusqu’à 3 chèques par séance.', { exact: false }).waitFor();
      await page.getByRole('table', { name: 'Horaires de cette semaine' }).getByRole('row', { name: 'samedi 9 h – 12 h' }).waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'adds a service, then deactivates it: the counter and the search no longer offer it',
    async () => {
      await logIn(users.venue);
      await page.goto('/guichet/lieu');
      await page.getByRole('link', { name: 'Ajouter un service' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ajouter un service' }).waitFor();
      await page.getByLabel('Nom du service').fill('Sécurité en ligne');
      await page.getByLabel('Type d’aide').selectOption({ label: 'Sécurité et vie privée en ligne' });
      await page.getByLabel('Durée d’une séance, en minutes').fill('60');
      await expectNoAxeViolations(page, 'guichet/lieu/services/nouveau');
      await page.getByRole('button', { name: 'Enregistrer le service' }).click();
      await page.waitForURL('**/guichet/lieu');
      const row = page.getByRole('table', { name: 'Services du lieu' }).getByRole('row', { name: /Sécurité en ligne/ });
      await row.waitFor();
      expect((await publicSearch()).passServices.map((service) => service.label)).toContain('Sécurité en ligne');

      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByRole('button', { name: 'Désactiver le service Sécurité en ligne' }).click();
      await page.getByText('Le service « Sécurité en ligne » est désactivé.').waitFor();
      await row.getByText('Désactivé').waitFor();
      expect(
        await server.query(`SELECT active FROM venue_services WHERE venue_id = $1 AND label = 'Sécurité en ligne'`, [venue.venueId]),
      ).toEqual([{ active: false }]);
      expect((await publicSearch()).passServices.map((service) => service.label)).not.toContain('Sécurité en ligne');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'does not show the administrator’s pages to a colleague who is not the venue’s administrator',
    async () => {
      const email = uniqueEmail('collegue');
      const invited = await callApi<{ invitationToken: string }>(server, 'POST', '/users', users.venue, {
        email,
        displayName: 'Lou Collègue',
      });
      await callApi(server, 'POST', '/auth/accept-invitation', undefined, { token: invited.invitationToken, password: BROWSER_PASSWORD });
      await logIn({ email, password: BROWSER_PASSWORD });
      const menu = page.getByRole('navigation', { name: 'Menu principal' });
      await menu.getByRole('link', { name: 'Encaisser des chèques' }).waitFor();
      expect(await menu.getByRole('link', { name: 'Sites et services' }).count()).toBe(0);
      // By its address, the page says who may change it; the API would refuse anyway (403).
      await page.goto('/guichet/lieu');
      await page.getByText('Seul l’administrateur du lieu peut modifier les sites et les services.').waitFor();

      // Lou leaves: the administrator deactivates the account from « Mon compte », after a confirmation.
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL('**/connexion');
      await logIn(users.venue);
      await followMenuLink(page, 'Mon compte');
      const people = page.getByRole('table', { name: 'Personnes de l’organisation' });
      const row = people.getByRole('row').filter({ hasText: email });
      await row.getByText('Actif', { exact: true }).waitFor();
      // Never a button to deactivate oneself (the server would refuse it).
      const own = people.getByRole('row').filter({ hasText: users.venue.email });
      await own.waitFor();
      expect(await own.getByRole('button').count()).toBe(0);
      const confirmation = acceptNextConfirmation(page);
      await row.getByRole('button', { name: 'Désactiver Lou Collègue' }).click();
      expect(await confirmation).toContain('Cette personne ne pourra plus se connecter');
      await page.getByText('Lou Collègue ne peut plus se connecter.', { exact: true }).waitFor();
      await row.getByText('Désactivé', { exact: true }).waitFor();
      expect(await server.query<{ status: string }>('SELECT status FROM users WHERE email = $1', [email])).toEqual([
        { status: 'deactivated' },
      ]);
      await expectNoAxeViolations(page, 'guichet/compte (personne désactivée)');
    },
    JOURNEY_TIMEOUT,
  );
});
