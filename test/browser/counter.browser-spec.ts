/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { computeVoucherCheckCharacter, VOUCHER_CODE_ALPHABET } from '../../src/modules/vouchers/voucher-code-check.rules';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { type CounterSeed, seedCounter } from './support/counter-seed';
import { expectCleanPage, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 180_000;
const SERVER_TIMEOUT = 400_000;

/** The printed code with one character changed: what a slip of the finger gives (the check character no longer matches). */
function withTypo(printed: string): string {
  const index = 5; // first character of the second group
  const original = printed[index]!;
  const replacement = VOUCHER_CODE_ALPHABET[(VOUCHER_CODE_ALPHABET.indexOf(original) + 1) % VOUCHER_CODE_ALPHABET.length]!;
  return printed.slice(0, index) + replacement + printed.slice(index + 1);
}

/** A code that passes the check character but was never printed by the platform. */
function foreignCode(): string {
  const payload = 'ZZZZZZZZZZZZZZZ';
  return payload + computeVoucherCheckCharacter(payload);
}

describe('The venue counter (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let seed: CounterSeed;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  /** Every API call the page made, to prove what was (not) sent. */
  let apiCalls: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
    seed = await seedCounter(server, users);
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, SERVER_TIMEOUT);

  beforeEach(async () => {
    ({ context, page, watch } = await openJourneyPage(browser, server));
    apiCalls = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${url.pathname}`);
    });
  });
  afterEach(async () => {
    await context?.close();
    expectCleanPage(watch);
  });

  /** Moves the focus with the Tab key alone until it reaches `target`. */
  async function tabTo(target: Locator): Promise<void> {
    for (let presses = 0; presses < 80; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('The Tab key never reached the element');
  }

  /** Logs in and opens the counter with the keyboard alone. */
  async function openCounterByKeyboard(): Promise<void> {
    await page.goto('/connexion');
    await tabTo(page.getByLabel('Adresse e-mail'));
    await page.keyboard.type(users.venue.email);
    await tabTo(page.getByLabel('Mot de passe', { exact: true }));
    await page.keyboard.type(users.venue.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/guichet');
    await tabTo(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Encaisser des chèques' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/guichet/encaisser');
    await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
  }

  /** Types a code as a barcode scanner does: characters, then Enter. */
  async function typeCode(code: string): Promise<void> {
    const field = page.getByLabel('Code du chèque');
    await tabTo(field);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  }

  const redemptionsOf = (serial: string) =>
    server.query<{ venueId: string; serviceId: string; cancelled: boolean; status: string }>(
      `SELECT r.venue_id AS "venueId", r.service_id AS "serviceId", r.cancelled_at IS NOT NULL AS cancelled, v.status
         FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id WHERE v.serial = $1`,
      [serial],
    );

  it(
    'flags a typo before sending, redeems a typed chèque for the service, then says "déjà utilisé" — with the keyboard alone',
    async () => {
      await openCounterByKeyboard();
      await expectNoAxeViolations(page, 'guichet/encaisser');
      await takeScreenshots(page, 'guichet-encaisser');

      // A typo: flagged in the browser, nothing sent.
      const checksBefore = apiCalls.filter((call) => call === 'POST /api/v1/redemptions/check').length;
      await typeCode(withTypo(seed.codes[0]!));
      await page.getByText('Ce code contient une erreur de frappe', { exact: false }).first().waitFor();
      expect(apiCalls.filter((call) => call === 'POST /api/v1/redemptions/check').length).toBe(checksBefore);
      expect(await page.getByLabel('Code du chèque').inputValue()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await expectNoAxeViolations(page, 'guichet/encaisser (erreur de frappe)');
      await takeScreenshots(page, 'guichet-erreur-de-frappe');

      // A code that is no chèque of the scheme: checked by the server, refused in plain French.
      await typeCode(foreignCode());
      await page.getByText('Pas un chèque du dispositif').waitFor();
      await page.getByText('Aucun chèque Pass numérique ne correspond à ce code.').waitFor();

      // The printed code, typed without dashes in lower case as a scanner may: into the basket.
      await typeCode(seed.codes[0]!.replaceAll('-', '').toLowerCase());
      const basket = page.getByRole('region', { name: 'Panier' });
      await basket.getByRole('button', { name: `Retirer le chèque ${seed.serials[0]}` }).waitFor();
      await basket.getByText('1 chèque ·', { exact: false }).waitFor();
      // The only service is chosen already, and says how many chèques it takes.
      expect(await page.getByLabel('Service').locator('option:checked').textContent()).toBe(`${seed.serviceLabel} — 2 chèques maximum`);
      await expectNoAxeViolations(page, 'guichet/encaisser (panier)');
      await takeScreenshots(page, 'guichet-panier');

      await tabTo(page.getByRole('button', { name: 'Encaisser 1 chèque' }));
      await page.keyboard.press('Enter');
      await page.getByText('Oui — Chèque accepté').waitFor();
      await page.getByText(`Chèque ${seed.serials[0]}`).first().waitFor();
      await expectNoAxeViolations(page, 'guichet/encaisser (accepté)');
      await takeScreenshots(page, 'guichet-accepte');
      expect(await redemptionsOf(seed.serials[0]!)).toEqual([
        { venueId: seed.venueId, serviceId: seed.serviceId, cancelled: false, status: 'redeemed' },
      ]);
      // One redemption request, sent with an Idempotency-Key.
      expect(apiCalls.filter((call) => call === 'POST /api/v1/redemptions')).toHaveLength(1);
      await basket.getByText('Le panier est vide', { exact: false }).waitFor();

      // The same chèque again: already used, here, with what to do.
      await typeCode(seed.codes[0]!);
      await page.getByText('Non — Chèque déjà utilisé').waitFor();
      await page.getByText(/Ce chèque a déjà été encaissé le .+, dans votre lieu\./).waitFor();
      await page.getByText('annulez cet encaissement depuis l’historique', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'guichet/encaisser (déjà utilisé)');
      await takeScreenshots(page, 'guichet-deja-utilise');
      expect(await redemptionsOf(seed.serials[0]!)).toHaveLength(1);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'redeems a basket of two chèques all at once, once, even when the answer is lost: the counter asks again with the same key',
    async () => {
      await openCounterByKeyboard();
      await typeCode(seed.codes[1]!);
      await page.getByRole('button', { name: `Retirer le chèque ${seed.serials[1]}` }).waitFor();
      await typeCode(seed.codes[2]!);
      await page.getByRole('button', { name: `Retirer le chèque ${seed.serials[2]}` }).waitFor();

      // The first attempt reaches the server, which redeems, but its answer is lost on the way back.
      const keys: string[] = [];
      let lose = true;
      await page.route('**/api/v1/redemptions', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        const response = await route.fetch();
        if (lose) {
          lose = false;
          await route.abort('connectionreset');
        } else {
          await route.fulfill({ response });
        }
      });
      // The connection cut at once: the counter sends the same request again by itself, and the server replays its answer.
      await page.getByRole('button', { name: 'Encaisser 2 chèques' }).click();
      await page.getByText('Oui — Chèque accepté').first().waitFor();
      expect(await page.getByText('Oui — Chèque accepté').count()).toBe(2);
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe(keys[0]);
      for (const serial of [seed.serials[1]!, seed.serials[2]!]) {
        expect(await redemptionsOf(serial)).toEqual([
          { venueId: seed.venueId, serviceId: seed.serviceId, cancelled: false, status: 'redeemed' },
        ]);
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows the history with the amount pending, filters it, and undoes a redemption within 24 h',
    async () => {
      await openCounterByKeyboard();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Historique' }).click();
      await page.waitForURL('**/guichet/historique');
      await page.getByRole('heading', { level: 1, name: 'Historique des encaissements' }).waitFor();
      // Three chèques redeemed by the journeys above, none in a statement yet.
      const [pending] = await server.query<{ cents: string }>(
        `SELECT sum(r.value_cents)::text AS cents FROM redemptions r WHERE r.venue_id = $1 AND r.cancelled_at IS NULL`,
        [seed.venueId],
      );
      const shown = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(Number(pending!.cents) / 100);
      await page.getByText(`En attente de remboursement : ${shown}`).waitFor();
      await page.getByRole('heading', { name: '3 encaissements' }).waitFor();
      await expectNoAxeViolations(page, 'guichet/historique');
      await takeScreenshots(page, 'guichet-historique');

      await page.getByRole('button', { name: `Annuler l’encaissement du chèque ${seed.serials[0]}` }).click();
      await page.getByLabel(`Pourquoi annuler l’encaissement du chèque ${seed.serials[0]} ?`).fill('Chèque scanné pour le mauvais atelier');
      await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      await page.getByText(`L’encaissement du chèque ${seed.serials[0]} est annulé`, { exact: false }).waitFor();
      expect(await redemptionsOf(seed.serials[0]!)).toEqual([
        { venueId: seed.venueId, serviceId: seed.serviceId, cancelled: true, status: 'issued' },
      ]);

      // Filtered on undone ones: only that one, without an undo button.
      await page.getByLabel('État').selectOption('cancelled');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await page.getByRole('heading', { name: '1 encaissement' }).waitFor();
      await page.getByText('Annulé : Chèque scanné pour le mauvais atelier').waitFor();
      expect(await page.getByRole('button', { name: /Annuler l’encaissement/ }).count()).toBe(0);
      await expectNoAxeViolations(page, 'guichet/historique (annulés)');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'checks the IBAN as it is typed, saves the bank details, and shows them masked',
    async () => {
      await openCounterByKeyboard();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Coordonnées bancaires' }).click();
      await page.getByRole('heading', { level: 1, name: 'Coordonnées bancaires' }).waitFor();
      await page.getByText('Aucun compte enregistré', { exact: false }).waitFor();

      // A typo in the IBAN (one digit changed): flagged while typing, nothing sent.
      const iban = 'FR1420041010050500013M02606';
      const putsBefore = apiCalls.filter((call) => call.startsWith('PUT ')).length;
      await page.getByLabel('IBAN').pressSequentially('FR1420041010050500013M02607');
      await page.getByText('Cet IBAN contient une erreur de frappe', { exact: false }).waitFor();
      expect(await page.getByLabel('IBAN').inputValue()).toBe('FR14 2004 1010 0505 0001 3M02 607');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      expect(apiCalls.filter((call) => call.startsWith('PUT ')).length).toBe(putsBefore);
      await expectNoAxeViolations(page, 'guichet/banque (erreur)');

      await page.getByLabel('IBAN').fill(iban);
      await page.getByText('IBAN valide.').waitFor();
      await page.getByLabel('Titulaire du compte').fill('Association EPN Guillotière');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Vos coordonnées bancaires sont enregistrées.').waitFor();
      await page.getByText('FR14 **** **** **** **** ***2 606').waitFor();
      expect(await page.content()).not.toContain('2004 1010 0505');
      const [saved] = await server.query<{ iban: string; holder: string }>(
        `SELECT iban, holder_name AS holder FROM venue_bank_accounts WHERE venue_id = $1`,
        [seed.venueId],
      );
      expect(saved).toEqual({ iban, holder: 'Association EPN Guillotière' });
      await expectNoAxeViolations(page, 'guichet/banque');
      await takeScreenshots(page, 'guichet-banque');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'lists the monthly statements with their PDF and CSV',
    async () => {
      // Last month's redemptions (moved back in time: a statement covers days that are over), then the monthly run.
      await server.query(
        `UPDATE redemptions SET scanned_at = scanned_at - interval '40 days', recorded_at = recorded_at - interval '40 days' WHERE venue_id = $1`,
        [seed.venueId],
      );
      const periodEnd = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const run = await fetch(`${server.baseUrl}/api/v1/reimbursement-statement-runs`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${users.anct.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ periodEnd }),
      });
      expect(run.status).toBe(202);
      const deadline = Date.now() + 90_000;
      for (;;) {
        const [row] = await server.query<{ ready: boolean }>(
          `SELECT documents_ready_at IS NOT NULL AS ready FROM reimbursement_statements WHERE venue_id = $1`,
          [seed.venueId],
        );
        if (row?.ready) break;
        if (Date.now() > deadline) throw new Error('No statement documents after 90 s');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const [statement] = await server.query<{ number: string; count: number }>(
        `SELECT number, redemption_count AS count FROM reimbursement_statements WHERE venue_id = $1`,
        [seed.venueId],
      );

      await openCounterByKeyboard();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Relevés' }).click();
      await page.getByRole('heading', { level: 1, name: 'Relevés de remboursement' }).waitFor();
      await page.getByText(`${statement!.count} chèques ·`, { exact: false }).waitFor();
      for (const [kind, type] of [
        ['PDF', 'application/pdf'],
        ['CSV', 'text/csv'],
      ] as const) {
        const link = page.getByRole('link', { name: `Télécharger le relevé ${statement!.number} (${kind})` });
        const answer = await page.request.get((await link.getAttribute('href'))!);
        expect(answer.status()).toBe(200);
        expect(answer.headers()['content-type']).toContain(type);
      }
      await expectNoAxeViolations(page, 'guichet/releves');
      await takeScreenshots(page, 'guichet-releves');
    },
    JOURNEY_TIMEOUT,
  );
});
