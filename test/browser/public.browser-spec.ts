import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueEmail, uniqueSiret } from '../support/identifiers';
import { invitationInOutbox } from '../support/outbox';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { expectCleanPage, openJourneyPage, type PageWatch } from './support/journey';
import { PHONE, takeScreenshots } from './support/screenshots';
import { BROWSER_PASSWORD, seedUsers, type SeededUsers } from './support/seed';
import { type PublicVenueSeed, seedPublicVenue } from './support/venue-seed';

const JOURNEY_TIMEOUT = 180_000;
const SERVER_TIMEOUT = 400_000;

describe('Public pages, without login (Chromium)', () => {
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
    // A phone: that is how beneficiaries and the people who help them look.
    ({ context, page, watch } = await openJourneyPage(browser, server, { viewport: PHONE }));
  });
  afterEach(async () => {
    await context?.close();
    expectCleanPage(watch);
  });

  it(
    'finds a venue by commune, nearest first, and opens its page: hours in plain French, what the chèques pay for, contact',
    async () => {
      await page.goto('/trouver-un-lieu');
      await page.getByRole('heading', { level: 1, name: 'Trouver un lieu près de chez vous' }).waitFor();
      await expectNoAxeViolations(page, 'trouver-un-lieu');

      // An unknown commune: said plainly.
      await page.getByLabel('Votre commune ou votre code postal').fill('Nullepartville');
      await page.getByRole('button', { name: 'Chercher' }).click();
      await page.getByText('Nous ne trouvons pas cette commune.', { exact: false }).waitFor();

      await page.getByLabel('Votre commune ou votre code postal').fill('Lyon');
      // DSFR draws the box over the input: a person clicks its label.
      await page.getByText('Seulement les lieux ouverts maintenant').click();
      await page.getByRole('button', { name: 'Chercher' }).click();
      await page.getByRole('heading', { level: 2, name: '1 lieu autour de Lyon (69)' }).waitFor();
      expect(new URL(page.url()).searchParams.get('ouvert')).toBe('oui');
      const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: venue.siteName }) });
      await result.getByText('Ouvert maintenant').waitFor();
      await result.getByText(`Avec le Pass numérique : ${venue.serviceLabel} (2 chèques)`).waitFor();
      await result.getByText('1 rue de la Paix, 69007 Lyon', { exact: false }).waitFor();
      // The commune typed may be another one of that name.
      await page.getByText('Ce n’est pas la bonne commune ?').waitFor();
      await expectNoAxeViolations(page, 'trouver-un-lieu (résultats)');
      await takeScreenshots(page, 'public-trouver-un-lieu');

      await result.getByRole('link', { name: venue.siteName }).click();
      await page.waitForURL(`**/lieux/${venue.siteId}`);
      await page.getByRole('heading', { level: 1, name: venue.siteName }).waitFor();
      await page.getByText('Ouvert maintenant', { exact: true }).waitFor();
      const hours = page.getByRole('table', { name: 'Horaires de cette semaine' });
      await hours.getByRole('row', { name: 'lundi 0 h – 24 h' }).waitFor();
      await page.getByText(`${venue.serviceLabel}`, { exact: true }).waitFor();
      await page.getByText('Jusqu’à 2 chèques par séance.', { exact: false }).waitFor();
      await page.getByRole('link', { name: '04 78 00 00 00' }).waitFor();
      expect(await page.getByRole('link', { name: '04 78 00 00 00' }).getAttribute('href')).toBe('tel:+33478000000');
      expect(await page.getByRole('link', { name: 'Ouvrir l’adresse dans mon application de cartes' }).getAttribute('href')).toMatch(
        /^geo:45\.7485,4\.8467/,
      );
      await page.getByText('Entrée de plain-pied, boucle magnétique à l’accueil.').waitFor();
      await expectNoAxeViolations(page, 'lieux/:id');
      await takeScreenshots(page, 'public-lieu');

      // A site that is not public (unknown id): a plain sentence, not an error.
      await page.goto('/lieux/00000000-0000-4000-8000-000000000000');
      await page.getByRole('heading', { level: 1, name: 'Ce lieu n’est pas dans la liste' }).waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'explains the Pass numérique in plain words, with no personal data and no look-up',
    async () => {
      const apiCalls: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/') && url.pathname !== '/api/v1/auth/me' && url.pathname !== '/api/v1/auth/session/refresh')
          apiCalls.push(url.pathname);
      });
      await page.goto('/mon-pass-numerique');
      await page.getByRole('heading', { level: 1, name: 'Mon Pass numérique' }).waitFor();
      for (const heading of ['Qu’est-ce que c’est ?', 'Comment l’utiliser ?', 'Où ?', 'Jusqu’à quand ?', 'J’ai perdu mon carnet']) {
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      }
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(apiCalls).toEqual([]);
      await expectNoAxeViolations(page, 'mon-pass-numerique');
      await takeScreenshots(page, 'public-mon-pass-numerique');
      await page.getByRole('link', { name: 'Trouver un lieu près de chez moi' }).click();
      await page.waitForURL('**/trouver-un-lieu');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'lets a venue apply in steps (SIRET checked as typed, commune from the postcode), and the application arrives',
    async () => {
      const siret = uniqueSiret();
      const email = uniqueEmail('candidature');
      await page.goto('/candidater');
      await page.getByRole('heading', { level: 1, name: 'Candidater pour accepter le Pass numérique' }).waitFor();
      await page.getByLabel('Nom de la structure').fill('Tiers-lieu des Gratte-Ciel');
      // A typo in the SIRET: flagged at once, before anything is sent.
      const wrong = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
      await page.getByLabel('Numéro SIRET').fill(wrong);
      await page.getByText('Ce numéro SIRET contient une erreur. Relisez-le.').waitFor();
      await expectNoAxeViolations(page, 'candidater (structure, erreur)');
      await takeScreenshots(page, 'public-candidater-structure');
      await page.getByLabel('Numéro SIRET').fill(siret);
      await page.getByText('Numéro SIRET valide.').waitFor();
      await page.getByRole('button', { name: 'Étape suivante' }).click();

      await page.getByRole('heading', { level: 2, name: /^Vos lieux/ }).waitFor();
      // Nothing filled: the step says what is missing and does not move on.
      await page.getByRole('button', { name: 'Étape suivante' }).click();
      await page.getByText('Indiquez le numéro et la rue.').waitFor();
      await page.getByLabel('Numéro et rue').fill('12 avenue Henri Barbusse');
      await page.getByLabel('Code postal').fill('69100');
      await page.getByLabel('Commune').waitFor();
      expect(await page.getByLabel('Commune').locator('option:checked').textContent()).toBe('Villeurbanne');
      await page.getByText('Aide aux démarches administratives', { exact: true }).click();
      await page.getByText('Gratuit', { exact: true }).click();
      await page.getByLabel('Téléphone (facultatif)').fill('04 78 12 34 56');
      await page.getByRole('button', { name: 'Ajouter un horaire' }).click();
      await page.getByLabel('Ferme à').fill('08:00');
      await page.getByText('L’heure de fermeture doit être après l’heure d’ouverture.').waitFor();
      await page.getByLabel('Ferme à').fill('17:30');
      await expectNoAxeViolations(page, 'candidater (lieux)');
      await takeScreenshots(page, 'public-candidater-lieux');
      await page.getByRole('button', { name: 'Étape suivante' }).click();

      await page.getByRole('heading', { level: 2, name: /^Vos services/ }).waitFor();
      await page.getByLabel('Nom du service').fill('Premiers pas sur tablette');
      await page.getByLabel('Type d’aide').selectOption({ label: 'Smartphone et tablette' });
      await page.getByLabel('Durée d’une séance, en minutes').fill('90');
      await page.getByLabel('Chèques par séance, au plus').fill('1');
      await expectNoAxeViolations(page, 'candidater (services)');
      await page.getByRole('button', { name: 'Étape suivante' }).click();

      await page.getByRole('heading', { level: 2, name: /^La personne à contacter/ }).waitFor();
      await page.getByLabel('Prénom et nom').fill('Noa Médiateur');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByRole('button', { name: 'Étape suivante' }).click();

      await page.getByRole('heading', { level: 2, name: /^Vérifier et envoyer/ }).waitFor();
      await page.getByText(`Tiers-lieu des Gratte-Ciel — SIRET ${siret}`).waitFor();
      await page.getByText('Premiers pas sur tablette — 90 min, 1 chèque au plus').waitFor();
      await expectNoAxeViolations(page, 'candidater (vérifier)');
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/venues/applications'));
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      const answer = await (await answered).text();
      await page.getByRole('heading', { level: 1, name: 'Votre demande est envoyée' }).waitFor();
      // The invitation is in the mailbox, and only there: neither the answer nor the page holds its link.
      await page.getByText('Consultez votre messagerie').waitFor();
      await page.getByText(`Nous avons envoyé une invitation à ${email}.`, { exact: false }).waitFor();
      await page.getByText('Regardez dans les courriers indésirables.', { exact: false }).waitFor();
      const invitation = await invitationInOutbox(server, email);
      expect(answer).not.toContain(invitation.token);
      expect(await page.content()).not.toContain(invitation.token);
      await expectNoAxeViolations(page, 'candidater (envoyée)');
      await takeScreenshots(page, 'public-candidater-envoyee');

      // The application arrived: a pending venue, its seat with the standard's fields, its service, its administrator invited.
      const [organisation] = await server.query<{ id: string; name: string; qualificationStatus: string }>(
        `SELECT id, name, qualification_status AS "qualificationStatus" FROM organisations WHERE kind = 'venue' AND siret = $1`,
        [siret],
      );
      expect(organisation).toMatchObject({ name: 'Tiers-lieu des Gratte-Ciel', qualificationStatus: 'pending' });
      expect(
        await server.query(
          `SELECT name, address_line AS "addressLine", commune_insee_code AS "communeInseeCode", opening_hours AS "openingHours", standard_services AS "standardServices", fees, phone
           FROM venue_sites WHERE venue_id = $1`,
          [organisation!.id],
        ),
      ).toEqual([
        {
          name: 'Tiers-lieu des Gratte-Ciel',
          addressLine: '12 avenue Henri Barbusse',
          communeInseeCode: '69266',
          openingHours: [{ day: 1, opens: '09:00', closes: '17:30' }],
          standardServices: ['Aide aux démarches administratives'],
          fees: ['Gratuit'],
          phone: '+33478123456',
        },
      ]);
      expect(
        await server.query(
          `SELECT label, category, duration_minutes AS "durationMinutes", max_vouchers AS "maxVouchers" FROM venue_services WHERE venue_id = $1`,
          [organisation!.id],
        ),
      ).toEqual([{ label: 'Premiers pas sur tablette', category: 'smartphone', durationMinutes: 90, maxVouchers: 1 }]);
      expect(
        await server.query(`SELECT email, status, is_organisation_admin AS "isAdmin" FROM users WHERE organisation_id = $1`, [
          organisation!.id,
        ]),
      ).toEqual([{ email, status: 'invited', isAdmin: true }]);
      // Not qualified: not in the public search yet.
      const search = await fetch(`${server.baseUrl}/api/v1/public/venue-sites?q=Villeurbanne`).then(
        (response) => response.json() as Promise<{ items: { venueId: string }[] }>,
      );
      expect(search.items.map((item) => item.venueId)).not.toContain(organisation!.id);

      // The person who reads that mailbox follows the e-mailed link and gets into the venue's space.
      await page.goto(invitation.link);
      await page.getByRole('heading', { level: 1, name: 'Activer votre compte' }).waitFor();
      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(BROWSER_PASSWORD);
      await page.getByLabel('Confirmer le mot de passe', { exact: true }).fill(BROWSER_PASSWORD);
      await page.getByRole('button', { name: 'Activer mon compte' }).click();
      await page.waitForURL('**/guichet');
    },
    JOURNEY_TIMEOUT,
  );
});
