/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uniqueEmail, uniqueSiret } from '../support/identifiers';
import { invitationInOutbox } from '../support/outbox';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { acceptNextConfirmation, expectCleanPage, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUser, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 400_000;
const SERVER_TIMEOUT = 400_000;
/** Generation in chunks of one carnet of 5 chèques: the page has progress to show before the order is ready. */
const SETTINGS = { GENERATION_CHUNK_VOUCHERS: '5', GENERATION_CONCURRENCY: '1' };

async function call<T>(server: BrowserServer, method: string, path: string, user: SeededUser, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${user.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The server's cents as the page writes them (French euros; spaces normalised). */
const EURO = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ').trim();
const euros = (cents: number) => plain(EURO.format(cents / 100));

interface Order {
  id: string;
  number: string;
  status: string;
  carnetCount: number;
  carnetSize: number;
  faceValueTotalCents: number;
  feeCents: number;
  totalDueCents: number;
  maxStateShareCents: number;
}

describe('The funder’s space (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let programme: { id: string; name: string };
  let funderId: string;
  let prescriberId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer(SETTINGS);
    users = await seedUsers(server);
    funderId = (await call<{ organisationId: string }>(server, 'GET', '/auth/me', users.funder)).organisationId;
    prescriberId = (await call<{ organisationId: string }>(server, 'GET', '/auth/me', users.prescriber)).organisationId;
    // Valid for 20 more days: the carnets ordered are already within the J-30 warning window.
    const validUntil = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    programme = await call(server, 'POST', '/programmes', users.anct, {
      name: 'Pass numérique du Rhône',
      year: new Date().getUTCFullYear(),
      validUntil,
      minimumOrderCents: 50_000,
      operatorFeeRateBp: 333,
    });
    await call(server, 'POST', `/programmes/${programme.id}/enrolments`, users.anct, { funderId, envelopeCents: 25_000 });
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

  async function logIn(): Promise<void> {
    await page.goto('/connexion');
    await logInThroughForm(page, users.funder);
    await page.waitForURL('**/financeur');
  }

  async function openFromMenu(label: string, heading: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: label, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** The value cell of a row of the amounts table ("Valeur des chèques" → "600,00 €"). */
  async function amount(rowLabel: string): Promise<string> {
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: rowLabel, exact: true }) });
    return plain(await row.getByRole('cell').nth(1).textContent());
  }

  const carnetsOf = (orderId: string) =>
    server.query<{ number: string; status: string; prescriberId: string | null }>(
      `SELECT number, status, prescriber_id AS "prescriberId" FROM carnets WHERE order_id = $1 ORDER BY sequence`,
      [orderId],
    );

  it(
    'orders through the page with the server’s figures, follows approval, payment and generation live, then allocates and takes back',
    async () => {
      await logIn();
      await openFromMenu('Programmes', 'Programmes');
      const programmeRow = page.getByRole('region', { name: `${programme.name} (${new Date().getUTCFullYear()})` });
      // Envelope granted, reserved by orders (none yet), remaining.
      expect(
        await programmeRow
          .getByRole('cell')
          .allTextContents()
          .then((cells) => cells.map(plain)),
      ).toEqual([euros(25_000), euros(0), euros(25_000)]);
      await expectNoAxeViolations(page, 'financeur/programmes');
      await takeScreenshots(page, 'financeur-programmes');

      // The form prices as the officer types, with the programme's own rules.
      await programmeRow.getByRole('link', { name: `Commander sur ${programme.name}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouvelle commande de carnets' }).waitFor();
      // DSFR draws its own radio button: the person clicks its label.
      await page.getByText(/^5 chèques de 10/).click();
      expect(await page.getByLabel(/^5 chèques de 10/).isChecked()).toBe(true);
      const count = page.getByLabel('Nombre de carnets');
      await count.fill('8');
      await page.getByText(`La commande minimale de ce programme est de ${EURO.format(500)}`).waitFor();
      await count.fill('');
      await count.pressSequentially('13');
      // 13 × 5 × 10 € = 650 €; fee 3.33 % = 21.645 € → 21.65 € (half up); State share 50 % = 325 €, capped by the 250 € envelope.
      expect(await amount('Valeur des chèques')).toBe(euros(65_000));
      expect(await amount('Frais de gestion')).toBe(euros(2_165));
      expect(await amount('Total à payer')).toBe(euros(67_165));
      expect(await amount('Part maximale de l’État')).toBe(`${euros(25_000)} (limitée par ce qui reste de votre enveloppe)`);
      const shown = {
        faceValue: await amount('Valeur des chèques'),
        fee: await amount('Frais de gestion'),
        total: await amount('Total à payer'),
        maxStateShare: (await amount('Part maximale de l’État')).replace(/ \(.*\)$/, ''),
      };
      await page.getByLabel('Texte imprimé sur la couverture (facultatif)').fill('Offert par le Département du Rhône');
      await expectNoAxeViolations(page, 'financeur/commandes/nouvelle');
      await takeScreenshots(page, 'financeur-commande-nouvelle');

      await page.getByRole('button', { name: 'Envoyer la commande à l’ANCT' }).click();
      await page.waitForURL(/\/financeur\/commandes\/[0-9a-f-]{36}$/);
      const orderId = page.url().split('/').pop()!;
      await page.getByRole('status').filter({ hasText: 'Envoyée' }).waitFor();
      // What the server fixed is what the page showed before sending.
      const order = await call<Order>(server, 'GET', `/orders/${orderId}`, users.funder);
      expect(order).toMatchObject({ status: 'submitted', carnetCount: 13, carnetSize: 5 });
      expect({
        faceValue: euros(order.faceValueTotalCents),
        fee: euros(order.feeCents),
        total: euros(order.totalDueCents),
        maxStateShare: euros(order.maxStateShareCents),
      }).toEqual(shown);
      await page.getByRole('heading', { level: 1, name: `Commande ${order.number}` }).waitFor();
      await expectNoAxeViolations(page, 'financeur/commandes/:id (envoyée)');
      await takeScreenshots(page, 'financeur-commande-envoyee');

      // ANCT decides through the API; the open page follows without being reloaded.
      await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));
      await call(server, 'POST', `/orders/${orderId}/approve`, users.anct);
      await page.getByRole('status').filter({ hasText: 'Validée' }).waitFor({ timeout: 60_000 });
      await page.getByRole('cell', { name: 'Valeur des chèques due' }).waitFor();
      await call(server, 'POST', `/orders/${orderId}/payment`, users.anct, {
        paymentReference: 'VIR-RHONE-2026-17',
        paymentDate: new Date().toISOString().slice(0, 10),
        amountCents: order.totalDueCents,
      });
      const progress = page.getByLabel(/^Carnets générés/);
      const seen = new Set<string>();
      const deadline = Date.now() + 240_000;
      while (!(await page.getByRole('status').filter({ hasText: 'Prête' }).isVisible())) {
        if (Date.now() > deadline) throw new Error(`Generation not shown as finished; progress seen: ${[...seen].join(', ')}`);
        seen.add((await progress.getAttribute('value')) ?? '');
        await page.waitForTimeout(200);
      }
      expect(await progress.getAttribute('value')).toBe('13');
      expect(await progress.getAttribute('max')).toBe('13');
      await page.getByText('13 carnets sur 13 (65 chèques sur 65)').waitFor();
      expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
      // Ledger and payment status.
      await page.getByText('référence VIR-RHONE-2026-17').waitFor();
      await page.getByRole('cell', { name: 'Paiement reçu' }).waitFor();
      expect(plain(await page.getByText('Reste dû').textContent())).toContain(`Reste dû : ${euros(0)}`);
      await expectNoAxeViolations(page, 'financeur/commandes/:id (prête)');
      await takeScreenshots(page, 'financeur-commande-prete');

      // Allocation from the ready order: 4 carnets to the CCAS, the lowest numbers first.
      await page.getByRole('link', { name: 'Attribuer ces carnets' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stock et attribution' }).waitFor();
      const allocation = page.getByRole('region', { name: 'Attribuer des carnets à une structure' });
      expect(await allocation.getByLabel('Commande').inputValue()).toBe(orderId);
      await allocation.getByLabel('Structure prescriptrice').selectOption({ label: users.prescriber.organisationName });
      await allocation.getByRole('textbox', { name: /^Nombre de carnets/ }).fill('4');
      await allocation.getByRole('button', { name: 'Attribuer' }).click();
      await allocation
        .getByText(`4 carnets attribués à ${users.prescriber.organisationName} : ${order.number}-000001 à ${order.number}-000004.`)
        .waitFor();
      let carnets = await carnetsOf(orderId);
      expect(carnets.filter((carnet) => carnet.status === 'allocated').map((carnet) => carnet.number)).toEqual(
        [1, 2, 3, 4].map((n) => `${order.number}-00000${n}`),
      );
      expect(new Set(carnets.filter((carnet) => carnet.status === 'allocated').map((carnet) => carnet.prescriberId))).toEqual(
        new Set([prescriberId]),
      );
      const structureRow = page
        .getByRole('table', { name: 'Carnets de chaque structure' })
        .getByRole('row')
        .filter({ hasText: users.prescriber.organisationName });
      await structureRow.getByRole('cell', { name: '4', exact: true }).waitFor();
      await expectNoAxeViolations(page, 'financeur/stock');
      await takeScreenshots(page, 'financeur-stock');

      // Take back two of them by their numbers.
      const takeBack = page.getByRole('region', { name: 'Reprendre des carnets non remis' });
      await takeBack.getByText('Une plage de numéros').click();
      await takeBack.getByLabel('Premier numéro').fill(`${order.number}-000003`);
      await takeBack.getByLabel('Dernier numéro').fill(`${order.number}-000004`);
      await takeBack.getByRole('button', { name: 'Reprendre' }).click();
      await takeBack
        .getByText(`2 carnets repris à ${users.prescriber.organisationName} : ${order.number}-000003 à ${order.number}-000004.`)
        .waitFor();
      carnets = await carnetsOf(orderId);
      expect(carnets.filter((carnet) => carnet.status === 'allocated')).toHaveLength(2);
      expect(carnets.filter((carnet) => carnet.status === 'in_stock')).toHaveLength(11);
      await expectNoAxeViolations(page, 'financeur/stock (après reprise)');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'registers a prescriber structure and invites its first agent',
    async () => {
      await logIn();
      await openFromMenu('Structures', 'Structures prescriptrices');
      const siret = uniqueSiret();
      const email = uniqueEmail('agent-ccas');
      await page.getByRole('button', { name: 'Inscrire et inviter' }).click();
      await page.getByText('Saisissez les 14 chiffres du SIRET', { exact: false }).waitFor();
      await page.getByLabel('Nom de la structure').fill('France Services de Vaulx-en-Velin');
      await page.getByLabel('SIRET').fill(siret);
      await page.getByLabel('Code INSEE de la commune').fill('69256');
      await page.getByLabel('Prénom et nom').fill('Camille Agent');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByRole('button', { name: 'Inscrire et inviter' }).click();
      await page
        .getByText('France Services de Vaulx-en-Velin est inscrite. Camille Agent reçoit une invitation', { exact: false })
        .waitFor();
      await page.getByRole('cell', { name: siret }).waitFor();
      const [structure] = await server.query<{ id: string; linked: boolean; invited: string }>(
        `SELECT o.id, EXISTS (SELECT 1 FROM prescriber_funders pf WHERE pf.prescriber_id = o.id AND pf.funder_id = $2) AS linked,
              (SELECT u.status FROM users u WHERE u.organisation_id = o.id AND u.email = $3) AS invited
         FROM organisations o WHERE o.kind = 'prescriber' AND o.siret = $1`,
        [siret, funderId, email],
      );
      expect(structure).toMatchObject({ linked: true, invited: 'invited' });
      await expectNoAxeViolations(page, 'financeur/structures');
      await takeScreenshots(page, 'financeur-structures');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows dormant stock per structure and takes it back from there; lists the carnets expiring unused at J-30',
    async () => {
      const [order] = await server.query<{ id: string; number: string }>(
        `SELECT id, number FROM orders WHERE funder_id = $1 AND status = 'ready'`,
        [funderId],
      );
      // The two carnets still with the CCAS were allocated 100 days ago and never handed out.
      await server.query(`UPDATE carnets SET allocated_at = now() - interval '100 days' WHERE order_id = $1 AND status = 'allocated'`, [
        order!.id,
      ]);
      await logIn();
      await openFromMenu('Stock dormant', 'Stock dormant');
      const row = page.getByRole('region', { name: users.prescriber.organisationName });
      await row.getByText('2 carnets dormants').waitFor();
      expect(plain(await row.getByText(/de chèques inutilisés/).textContent())).toContain(`(${euros(10 * 1000)} de chèques inutilisés)`);
      expect(plain(await row.getByText(/de chèques inutilisés/).textContent())).toContain(
        'Remis depuis 90 jours : 0 ; dernière remise : jamais.',
      );
      await expectNoAxeViolations(page, 'financeur/stock-dormant');
      await takeScreenshots(page, 'financeur-stock-dormant');

      await row
        .getByRole('link', {
          name: `Reprendre les carnets ${order!.number}-000001 à ${order!.number}-000002 de ${users.prescriber.organisationName}`,
        })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Stock et attribution' }).waitFor();
      const takeBack = page.getByRole('region', { name: 'Reprendre des carnets non remis' });
      expect(await takeBack.getByLabel('Premier numéro').inputValue()).toBe(`${order!.number}-000001`);
      await takeBack.getByRole('button', { name: 'Reprendre' }).click();
      await takeBack.getByText(`2 carnets repris à ${users.prescriber.organisationName}`, { exact: false }).waitFor();
      expect((await carnetsOf(order!.id)).every((carnet) => carnet.status === 'in_stock')).toBe(true);

      await openFromMenu('Échéances et avoirs', 'Échéances et avoirs');
      await page.getByText('13 carnets arrivent à échéance dans les 30 jours', { exact: false }).waitFor();
      await page.getByRole('cell', { name: `${order!.number}-000013` }).waitFor();
      await page.getByText('Aucun avoir pour l’instant.').waitFor();
      await expectNoAxeViolations(page, 'financeur/echeances');
      await takeScreenshots(page, 'financeur-echeances');

      await openFromMenu('Commandes', 'Commandes');
      await page.getByRole('link', { name: order!.number }).waitFor();
      await expectNoAxeViolations(page, 'financeur/commandes');
      await takeScreenshots(page, 'financeur-commandes');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'invites an agent into one of its structures, sends the expired invitation again, then deactivates the agent who left',
    async () => {
      const structureName = users.prescriber.organisationName;
      const email = uniqueEmail('agent-remplacant');
      await logIn();
      await openFromMenu('Structures', 'Structures prescriptrices');
      await page.getByRole('button', { name: `Voir les agents de ${structureName}` }).click();
      const agents = page.getByRole('region', { name: `Agents de ${structureName}` });
      // The section opened below the table takes the focus, so a keyboard or screen reader user lands in it.
      await page.waitForFunction(() => document.activeElement?.id === 'structure-people-title');
      await agents.getByRole('cell', { name: users.prescriber.email }).waitFor();
      await agents.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await agents.getByText('Saisissez le prénom et le nom de la personne.').waitFor();
      await agents.getByLabel('Prénom et nom').fill('Alex Remplaçant');
      await agents.getByLabel('Adresse e-mail').fill(email);
      // DSFR draws its own checkbox: the person clicks its label.
      await agents.getByText(/^Administrateur/).click();
      expect(await agents.getByLabel(/^Administrateur/).isChecked()).toBe(true);
      await agents.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await agents.getByText(`Invitation envoyée à ${email}, valable jusqu’au`, { exact: false }).waitFor();
      const row = agents.getByRole('row').filter({ hasText: email });
      await row.getByText(/^Invitation envoyée le .+ — expire le .+$/).waitFor();
      const [invited] = await server.query<{ id: string; organisationId: string; status: string; admin: boolean }>(
        `SELECT id, organisation_id AS "organisationId", status, is_organisation_admin AS admin FROM users WHERE email = $1`,
        [email],
      );
      expect(invited).toMatchObject({ organisationId: prescriberId, status: 'invited', admin: true });
      await expectNoAxeViolations(page, 'financeur/structures (agents)');

      // A week later the link has expired unread: the list says so, and the officer sends a new one.
      const firstLink = await invitationInOutbox(server, email);
      await server.query(`UPDATE users SET invitation_expires_at = now() - interval '1 day' WHERE id = $1`, [invited!.id]);
      await page.reload();
      await page.getByRole('button', { name: `Voir les agents de ${structureName}` }).click();
      await row.getByText('Invitation expirée', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Renvoyer l’invitation' }).click();
      await agents.getByText(`Nouvelle invitation envoyée à ${email}`, { exact: false }).waitFor();
      await row.getByText(/^Invitation envoyée le .+ — expire le .+$/).waitFor();
      const secondLink = await invitationInOutbox(server, email);
      expect(secondLink.token).not.toBe(firstLink.token);
      const [renewed] = await server.query<{ expiresAt: Date }>(`SELECT invitation_expires_at AS "expiresAt" FROM users WHERE id = $1`, [
        invited!.id,
      ]);
      expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      const accept = (token: string) =>
        fetch(`${server.baseUrl}/api/v1/auth/accept-invitation`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ token, password: 'un mot de passe assez long pour Alex' }),
        });
      expect((await accept(firstLink.token)).status).toBe(400);
      await expectNoAxeViolations(page, 'financeur/structures (invitation renvoyée)');
      await takeScreenshots(page, 'financeur-structures-agents');
      const accepted = await accept(secondLink.token);
      expect(accepted.status).toBe(200);
      const { refreshToken } = (await accepted.json()) as { refreshToken: string };

      // Alex leaves the structure: the officer ends the access from the same list, after a confirmation.
      await page.reload();
      await page.getByRole('button', { name: `Voir les agents de ${structureName}` }).click();
      await row.getByText('Actif', { exact: true }).waitFor();
      const confirmation = acceptNextConfirmation(page);
      await row.getByRole('button', { name: 'Désactiver Alex Remplaçant' }).click();
      expect(await confirmation).toContain('Cette personne ne pourra plus se connecter');
      await agents.getByText('Alex Remplaçant ne peut plus se connecter.', { exact: true }).waitFor();
      await row.getByText('Désactivé', { exact: true }).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      const [deactivated] = await server.query<{ status: string }>(`SELECT status FROM users WHERE id = $1`, [invited!.id]);
      expect(deactivated).toEqual({ status: 'deactivated' });
      const refreshed = await fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      expect(refreshed.status).toBe(401);
      await expectNoAxeViolations(page, 'financeur/structures (agent désactivé)');
    },
    JOURNEY_TIMEOUT,
  );
});
