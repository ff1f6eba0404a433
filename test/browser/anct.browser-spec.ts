import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { printedCodes } from '../support/pdf';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { expectCleanPage, logInThroughForm, openJourneyPage, openMenuGroup, type PageWatch, waitForDsfrMenus } from './support/journey';
import { DESKTOP, takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUser, type SeededUsers } from './support/seed';

const STEP_TIMEOUT = 240_000;
const SERVER_TIMEOUT = 400_000;
/** Generous: the worker shares two cores with other test runs. */
const JOB_WAIT = { timeout: 150_000 };
const REDEEMED = 3;
const FACE_VALUE_CENTS = 1000;
const VENUE_IBAN = 'FR1420041010050500013M02606';

/**
 * A pattern for text the page writes with French number formatting (narrow no-break spaces in thousands,
 * a no-break space before €): each space matches any space; `…` stands for any text between two parts.
 */
function shown(text: string): RegExp {
  return new RegExp(
    text
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*'))
      .join('.*'),
  );
}

async function call<T>(
  server: BrowserServer,
  method: string,
  path: string,
  user: SeededUser,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${user.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer())) as T;
}

/**
 * ANCT runs the whole money cycle from its back office: a programme created and a funder enrolled, the
 * funder's order approved and its payment recorded, the venue qualified; chèques redeemed (through the API,
 * as the counter does); statements drawn up and validated, the SEPA file downloaded and checked, its
 * payment confirmed; the State share computed and paid; a reconciliation without anomaly, then one
 * anomaly injected in the database and shown with a link to its object. Every page passes axe.
 */
describe('ANCT back office: the money cycle (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  const ids = { funder: '', venue: '', prescriber: '', programme: '', order: '', orderNumber: '', serviceId: '' };
  const programmeName = `Pass numérique navigateur ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
    const organisationOf = async (user: SeededUser) =>
      (await call<{ organisationId: string }>(server, 'GET', '/auth/me', user)).organisationId;
    [ids.funder, ids.venue, ids.prescriber] = await Promise.all([
      organisationOf(users.funder),
      organisationOf(users.venue),
      organisationOf(users.prescriber),
    ]);
    // What the venue declares itself: a service, and where to be reimbursed.
    const service = await call<{ id: string }>(server, 'POST', `/venues/${ids.venue}/services`, users.venue, {
      label: 'Atelier démarches en ligne',
      category: 'online_procedures',
      durationMinutes: 120,
      maxVouchers: 5,
    });
    ids.serviceId = service.id;
    await call(server, 'PUT', `/venues/${ids.venue}/bank-account`, users.venue, {
      iban: VENUE_IBAN,
      holderName: 'Espace numérique de la Guillotière',
    });
    ({ context, page, watch } = await openJourneyPage(browser, server));
    await page.goto('/connexion');
    await logInThroughForm(page, users.anct);
    await page.waitForURL('**/anct');
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, SERVER_TIMEOUT);
  afterEach(() => expectCleanPage(watch));

  const navigation = () => page.getByRole('navigation', { name: 'Menu principal' });
  const menuButton = (group: string) => navigation().getByRole('button', { name: group, exact: true });
  const menuLink = (name: string) => navigation().getByRole('link', { name, exact: true });

  /** The page fits the desktop window: nothing to scroll sideways (13 menu entries on one line did not). */
  async function expectNoSidewaysScroll(): Promise<void> {
    expect(page.viewportSize()).toEqual(DESKTOP);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
  }

  /** The page shown is marked in the menu: its link (aria-current="page") and, when it has one, its drop-down's button. */
  async function expectCurrent(name: string, group: string | null): Promise<void> {
    expect(await navigation().getByRole('link', { name, exact: true, includeHidden: true }).getAttribute('aria-current')).toBe('page');
    if (group) expect(await menuButton(group).getAttribute('aria-current')).toBe('true');
    expect(await navigation().locator('[aria-current]').count()).toBe(group ? 2 : 1);
  }

  /** Opens a page from the ANCT menu with the mouse, as a person does: its drop-down first, when it is in one. */
  async function openFromMenu(group: string | null, name: string, heading: string): Promise<void> {
    if (group) await openMenuGroup(page, menuButton(group));
    await menuLink(name).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // The drop-down closes once its link is followed.
    if (group)
      await page.waitForFunction((button) => button?.getAttribute('aria-expanded') === 'false', await menuButton(group).elementHandle());
    await expectCurrent(name, group);
    await expectNoSidewaysScroll();
  }

  async function check(name: string): Promise<void> {
    await expectNoSidewaysScroll();
    await expectNoAxeViolations(page, name);
    await takeScreenshots(page, name);
  }

  const success = (text: string) => page.getByRole('status').getByText(text, { exact: false }).waitFor();

  it(
    'creates a programme with its parameters and enrols the funder with its envelope',
    async () => {
      await page.getByRole('heading', { level: 1, name: 'Espace ANCT' }).waitFor();
      await expectCurrent('Accueil ANCT', 'Pilotage');
      await expectNoSidewaysScroll();
      await openFromMenu('Programmes et commandes', 'Programmes', 'Programmes');
      await page.getByLabel('Nom du programme').fill(programmeName);
      await page.getByLabel('Fin de validité des chèques').fill(new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel('Commande minimale (€, valeur faciale)').fill('0');
      await page.getByLabel('Frais de l’opérateur (% de la valeur faciale)').fill('4');
      await check('anct-programmes');
      await page.getByRole('button', { name: 'Créer le programme' }).click();
      await page.getByRole('heading', { level: 1, name: programmeName }).waitFor();
      ids.programme = page.url().split('/').pop()!;

      await page.getByLabel('Financeur', { exact: true }).selectOption({ label: users.funder.organisationName });
      await page.getByLabel('Enveloppe de part de l’État (€)').fill('1000');
      await page.getByRole('button', { name: 'Inscrire le financeur' }).click();
      await success('Financeur inscrit.');
      const enrolments = page.getByRole('table', { name: 'Financeurs inscrits et leur enveloppe de part de l’État' });
      await enrolments.getByRole('row', { name: shown(`${users.funder.organisationName} 1 000,00 € 0,00 € 1 000,00 €`) }).waitFor();
      await check('anct-programme');
      const [programme] = await server.query<{ minimumOrderCents: string; operatorFeeRateBp: number; faceValueCents: number }>(
        'SELECT minimum_order_cents AS "minimumOrderCents", operator_fee_rate_bp AS "operatorFeeRateBp", face_value_cents AS "faceValueCents" FROM programmes WHERE id = $1',
        [ids.programme],
      );
      expect(programme).toEqual({ minimumOrderCents: '0', operatorFeeRateBp: 400, faceValueCents: FACE_VALUE_CENTS });
    },
    STEP_TIMEOUT,
  );

  it(
    'approves the funder’s order, refuses a payment that is not what is due, records the right one and follows generation',
    async () => {
      const order = await call<{ id: string; number: string; totalDueCents: number }>(server, 'POST', '/orders', users.funder, {
        programmeId: ids.programme,
        carnetCount: 1,
        carnetSize: 5,
      });
      await call(server, 'POST', `/orders/${order.id}/submit`, users.funder);
      Object.assign(ids, { order: order.id, orderNumber: order.number });
      expect(order.totalDueCents).toBe(5200); // 5 × 10 € + 4 %

      await openFromMenu('Programmes et commandes', 'Commandes', 'Commandes');
      const queue = page.getByRole('table', { name: /Commandes : envoyée/ });
      await queue
        .getByRole('row', { name: shown(`${order.number} ${users.funder.organisationName} 1 × 5 chèques 50,00 € 2,00 € 52,00 € 25,00 €`) })
        .waitFor();
      await check('anct-commandes');
      await queue.getByRole('link', { name: order.number }).click();
      await page.getByRole('heading', { level: 1, name: `Commande ${order.number}` }).waitFor();
      await check('anct-commande');
      await page.getByRole('button', { name: 'Valider la commande' }).click();
      await success('Commande validée');

      await page.getByLabel('Référence du virement').fill('VIR-RHONE-2026-001');
      await page.getByLabel('Montant reçu (€)').fill('50');
      await page.getByText(shown('Le montant reçu doit être égal au total dû : 52,00 €.')).waitFor();
      await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
      expect((await server.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [order.id]))[0]!.status).toBe('approved');
      await page.getByLabel('Montant reçu (€)').fill('52,00');
      await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
      await success('Paiement enregistré');
      await page.getByText(/Terminée le .* 1 carnets, 5 chèques\./).waitFor(JOB_WAIT);
      await check('anct-commande-generee');
    },
    STEP_TIMEOUT,
  );

  it(
    'qualifies the venue from its application, with a dated history',
    async () => {
      await openFromMenu(null, 'Lieux', 'Lieux de médiation');
      await page.getByRole('link', { name: users.venue.organisationName }).waitFor();
      await check('anct-lieux');
      await page.getByRole('link', { name: users.venue.organisationName }).click();
      await page.getByRole('heading', { level: 1, name: users.venue.organisationName }).waitFor();
      await page.getByText('Atelier démarches en ligne').waitFor();
      await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await page.getByText('Choisissez une décision.').waitFor();
      await page.getByLabel('Décision', { exact: true }).selectOption({ label: 'Qualifier' });
      await page.getByLabel('Motif').fill('Lieu visité, services vérifiés');
      await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await success('Lieu qualifié.');
      const history = page.getByRole('table', { name: /Décisions de qualification/ });
      await history
        .getByRole('row', { name: shown('Qualifier En attente de qualification Qualifié Lieu visité, services vérifiés') })
        .waitFor();
      await check('anct-lieu');
    },
    STEP_TIMEOUT,
  );

  it(
    'draws up a statement of redeemed chèques, validates it, downloads a SEPA file that adds up and confirms its payment',
    async () => {
      // The carnet is handed out and chèques redeemed at the counter, through the API.
      const [carnet] = await server.query<{ id: string }>('SELECT id FROM carnets WHERE order_id = $1', [ids.order]);
      await call(server, 'POST', '/carnets/allocations', users.funder, { prescriberId: ids.prescriber, count: 1, orderId: ids.order });
      await call(server, 'POST', `/carnets/${carnet!.id}/issue`, users.prescriber, {
        firstName: 'Léa',
        communeInseeCode: '69266',
        targetPublic: true,
        reasonCategory: 'employment',
        consent: true,
        person: { fullName: 'Léa Martin', birthDate: '1970-05-04' },
      });
      const codes = printedCodes(await call<Buffer>(server, 'GET', `/carnets/${carnet!.id}/pdf`, users.prescriber));
      await call(
        server,
        'POST',
        '/redemptions',
        users.venue,
        { serviceId: ids.serviceId, vouchers: codes.slice(0, REDEEMED).map((code) => ({ code })) },
        { 'Idempotency-Key': randomUUID() },
      );
      // A statement covers past days only: the redemptions are moved to yesterday. Reconciliation checks that the
      // venue was qualified when it scanned, so its (append-only) history gets a qualification two days ago too.
      await server.query(
        `UPDATE redemptions SET scanned_at = scanned_at - interval '1 day', recorded_at = recorded_at - interval '1 day' WHERE venue_id = $1`,
        [ids.venue],
      );
      await server.query(
        `INSERT INTO venue_qualification_events (venue_id, decision, from_status, to_status, reason, decided_at)
       VALUES ($1, 'qualify', 'pending', 'qualified', 'Qualification antérieure (données de test)', now() - interval '2 days')`,
        [ids.venue],
      );

      await openFromMenu('Finances', 'Remboursements', 'Remboursements des lieux');
      await page.getByRole('button', { name: 'Établir les relevés' }).click();
      await success('Établissement des relevés demandé');
      const runs = page.getByRole('table', { name: 'Derniers établissements de relevés' });
      await runs.getByText(shown('1 relevé(s), 3 chèque(s), 30,00 €')).waitFor(JOB_WAIT);
      const drafts = page.getByRole('table', { name: 'Relevés à valider' });
      await drafts.getByText('Prêts').waitFor(JOB_WAIT);
      await check('anct-remboursements');

      await drafts.getByRole('link', { name: /^Relevé / }).click();
      await page.getByRole('heading', { level: 1, name: /^Relevé / }).waitFor();
      const lines = page.getByRole('table', { name: /Chèques encaissés du relevé/ });
      await lines
        .locator('tbody tr')
        .nth(REDEEMED - 1)
        .waitFor();
      expect(await lines.locator('tbody tr').count()).toBe(REDEEMED);
      await check('anct-releve');
      await page.getByRole('button', { name: /^Valider le relevé/ }).click();
      await success('validé : il peut entrer dans un lot de virements');

      await page.getByRole('link', { name: 'Retour aux remboursements' }).click();
      await page.getByRole('heading', { level: 2, name: 'Préparer un lot de virements' }).waitFor();
      await page.getByText(shown('1 relevé(s), total 30,00 €')).waitFor();
      await page.getByRole('button', { name: 'Préparer le lot de virements' }).click();
      await success('Lot de virements préparé');
      const downloadLink = page.getByRole('link', { name: /^Télécharger le fichier SEPA du lot/ });
      const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
      const xml = readFileSync((await download.path())!, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const initiation = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' }).parse(xml).Document
        .CstmrCdtTrfInitn;
      expect(initiation.GrpHdr).toMatchObject({ NbOfTxs: '1', CtrlSum: '30.00' });
      expect(initiation.PmtInf).toMatchObject({ NbOfTxs: '1', CtrlSum: '30.00' });
      expect(initiation.PmtInf.CdtTrfTxInf[0].CdtrAcct.Id.IBAN).toBe(VENUE_IBAN);
      await check('anct-lot-de-virements');

      await page.getByRole('button', { name: /^Confirmer le paiement du lot/ }).click();
      await success('confirmé : les relevés sont payés');
      await page.getByText(shown('1 virement(s) · 30,00 € · … Payé le')).waitFor();
      const owed = page.getByRole('table', { name: /Montant encore dû à chaque lieu/ });
      await owed.getByRole('row', { name: shown(`${users.venue.organisationName} 0,00 € 30,00 €`) }).waitFor();
      await page
        .getByRole('table', { name: 'Relevés validés et payés' })
        .getByText(/^Payé le/)
        .waitFor();
      expect(await server.query('SELECT status FROM reimbursement_statements WHERE venue_id = $1', [ids.venue])).toEqual([
        { status: 'paid' },
      ]);
    },
    STEP_TIMEOUT,
  );

  it(
    'computes the State share due to the funder and records its payment',
    async () => {
      // By keyboard alone: Tab to the drop-down, Enter opens it, Escape closes it, Space opens it again,
      // Tab to the link and Enter follows it (DSFR's own script handles the keys).
      const finances = menuButton('Finances');
      await waitForDsfrMenus(page);
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      for (let presses = 0; presses < 30 && (await focused()) !== 'Finances'; presses += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('Finances');
      await page.keyboard.press('Enter');
      await menuLink('Part de l’État').waitFor();
      expect(await finances.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await menuLink('Part de l’État').waitFor({ state: 'hidden' });
      expect(await finances.getAttribute('aria-expanded')).toBe('false');
      expect(await focused()).toBe('Finances');
      await page.keyboard.press('Space');
      await menuLink('Part de l’État').waitFor();
      for (let presses = 0; presses < 5 && (await focused()) !== 'Part de l’État'; presses += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('Part de l’État');
      // Then a Tab and an Enter within one frame, as a quick typist on a slow computer makes them (a CI machine
      // under load did): DSFR's Tab check, run at the next frame, found no drop-down open any more, threw, and
      // its renderer dropped the drop-down's closing with it, so the menu stayed open over the new page.
      await page.evaluate(() => {
        const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true });
        Object.defineProperty(tab, 'keyCode', { get: () => 9 }); // DSFR reads the legacy keyCode.
        document.activeElement?.dispatchEvent(tab);
        (document.activeElement as HTMLElement).click(); // What Enter does on a link.
      });
      await page.getByRole('heading', { level: 1, name: 'Part de l’État' }).waitFor();
      await menuLink('Part de l’État').waitFor({ state: 'hidden' });
      await expectCurrent('Part de l’État', 'Finances');
      await expectNoSidewaysScroll();
      await page.getByLabel('Programme').selectOption({ label: programmeName });
      await page.getByRole('button', { name: 'Calculer la part due maintenant' }).click();
      await page.getByText(/Dernier calcul : Terminé/).waitFor(JOB_WAIT);
      const shares = page.getByRole('table', { name: 'Part de l’État due et versée, par financeur' });
      // 50 % of the 30 € redeemed.
      await shares
        .getByRole('row', { name: shown(`${users.funder.organisationName} 50 % 1 000,00 € 30,00 € 15,00 € 0,00 € 15,00 €`) })
        .waitFor(JOB_WAIT);
      await page.getByLabel('Financeur', { exact: true }).selectOption({ index: 1 });
      await page.getByLabel('Montant versé (€)').fill('15');
      await page.getByLabel('Référence du versement').fill('ETAT-2026-001');
      await page.getByRole('button', { name: 'Enregistrer le versement' }).click();
      await page.getByRole('status').getByText(shown('Versement de 15,00 €')).waitFor();
      await shares.getByRole('row', { name: shown(`${users.funder.organisationName} … 15,00 € 15,00 € 0,00 €`) }).waitFor();
      await check('anct-part-etat');
    },
    STEP_TIMEOUT,
  );

  it(
    'runs a reconciliation that finds nothing, then shows an anomaly injected in the database with a link to its object',
    async () => {
      await openFromMenu('Finances', 'Rapprochement', 'Rapprochement');
      await page.getByRole('button', { name: 'Lancer un rapprochement' }).click();
      await page
        .getByRole('table', { name: /Rapprochements/ })
        .getByText('Aucune anomalie')
        .waitFor(JOB_WAIT);
      await check('anct-rapprochement');

      // The funder's payment recorded a second time, for 1 €, straight into the (append-only) ledger.
      await server.query(
        `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, reference)
       VALUES (now(), 'funder_payment_received', 100, $1, $2, $3, 'VIR-DOUBLON')`,
        [ids.programme, ids.funder, ids.order],
      );
      await page.getByRole('button', { name: 'Lancer un rapprochement' }).click();
      await page
        .getByRole('table', { name: /Rapprochements/ })
        .getByText('1 anomalie')
        .waitFor(JOB_WAIT);
      await page
        .getByRole('table', { name: /Rapprochements/ })
        .getByRole('link')
        .first()
        .click();
      await page.getByRole('heading', { level: 2, name: /Commande payée : paiements reçus différents .* \(1\)/ }).waitFor();
      const row = page.getByRole('row', { name: shown(`Commande ${ids.orderNumber} 52,00 € 53,00 € 1,00 €`) });
      await row.waitFor();
      expect(await row.getByRole('link', { name: 'Voir le financeur' }).getAttribute('href')).toBe(`/anct/organisations/${ids.funder}`);
      await check('anct-rapprochement-anomalie');
      await row.getByRole('link', { name: `Commande ${ids.orderNumber}` }).click();
      await page.getByRole('heading', { level: 1, name: `Commande ${ids.orderNumber}` }).waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the organisations and their people, the audit trail of a decision and the jobs with their state',
    async () => {
      await openFromMenu(null, 'Organisations', 'Organisations');
      await page.getByRole('link', { name: users.funder.organisationName }).waitFor();
      await check('anct-organisations');
      await page.getByRole('link', { name: users.funder.organisationName }).click();
      await page.getByRole('heading', { level: 1, name: users.funder.organisationName }).waitFor();
      await page.getByRole('table', { name: 'Personnes de l’organisation' }).getByText(users.funder.email).waitFor();
      await page.getByLabel('Nom', { exact: true }).fill('Noé Comptable');
      await page.getByLabel('E-mail', { exact: true }).fill(`noe.${randomUUID().slice(0, 8)}@rhone.example.fr`);
      await page.getByLabel('Administrateur de l’organisation').selectOption('no');
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await success('Invitation envoyée');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Désactiver Noé Comptable' }).click();
      await success('Noé Comptable ne peut plus se connecter.');
      // A key the funder made for its software, revoked by ANCT (a leak): it stops working at once.
      const apiKey = await call<{ key: string }>(server, 'POST', '/api-keys', users.funder, { name: 'Logiciel comptable' });
      await page.reload();
      await page.getByRole('button', { name: 'Révoquer la clé Logiciel comptable' }).click();
      await success('Clé « Logiciel comptable » révoquée.');
      await page
        .getByRole('table', { name: 'Clés d’API de l’organisation' })
        .getByText(/^Révoquée le/)
        .waitFor();
      expect((await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { 'X-Api-Key': apiKey.key } })).status).toBe(401);
      await check('anct-organisation');

      await openFromMenu('Suivi technique', 'Journal d’audit', 'Journal d’audit');
      await page.getByLabel('Action').fill('order.approved');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      const trail = page.getByRole('table', { name: /Événements 1 à 1 sur 1/ });
      await trail.getByRole('link', { name: `Commande ${ids.order.slice(0, 8)}` }).waitFor();
      await check('anct-journal');
      await trail.getByRole('link', { name: `Commande ${ids.order.slice(0, 8)}` }).click();
      await page.getByRole('heading', { level: 1, name: `Commande ${ids.orderNumber}` }).waitFor();

      // The prescriber prints its carnet again through the API: ANCT watches every organisation's print runs.
      const [carnet] = await server.query<{ id: string }>('SELECT id FROM carnets WHERE order_id = $1', [ids.order]);
      await call(server, 'POST', '/print-runs', users.prescriber, { carnetIds: [carnet!.id] });

      await openFromMenu('Suivi technique', 'Traitements', 'Traitements');
      await page
        .getByRole('table', { name: 'Dernières impressions de carnets' })
        .getByRole('row', { name: shown(`${users.prescriber.organisationName} … Terminé 1 / 1 1`) })
        .waitFor(JOB_WAIT);
      const jobs = page.getByRole('table', { name: 'Derniers traitements' });
      await jobs.getByRole('row', { name: /Relevés de remboursement Manuel .* Terminé/ }).waitFor();
      await jobs
        .getByRole('row', { name: /Rapprochement Manuel .* Terminé/ })
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: 'tableau de bord des files d’attente' }).getAttribute('href')).toBe('/admin/queues');
      await check('anct-traitements');
    },
    STEP_TIMEOUT,
  );
});
