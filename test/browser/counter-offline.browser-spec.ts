/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { couponQrBox } from '../../src/modules/printing/render/carnet-document';
import { uniqueEmail, uniqueSiret } from '../support/identifiers';
import { decodeQrIn, rasterisePage } from '../support/pdf';
import { expectNoAxeViolations } from './support/axe';
import { breakTheNetwork, waitUntilReadyOffline } from './support/bad-network';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { type CounterSeed, seedCounter } from './support/counter-seed';
import { expectCleanPage, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { PHONE, takeScreenshots } from './support/screenshots';
import { BROWSER_PASSWORD, seedUsers, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 300_000;
const SERVER_TIMEOUT = 400_000;

async function call<T>(
  server: BrowserServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Another venue, qualified, with a service: it redeems one of the chèques while the first one is offline. */
async function otherVenue(server: BrowserServer, users: SeededUsers): Promise<{ token: string; serviceId: string }> {
  const email = uniqueEmail('venue-other');
  const created = await call<{ adminInvitation: { invitationToken: string } }>(server, 'POST', '/organisations/venues', users.anct.token, {
    name: 'Médiathèque de la Part-Dieu',
    siret: uniqueSiret(),
    addressLine: '30 boulevard Vivier-Merle',
    postalCode: '69003',
    city: 'Lyon',
    communeInseeCode: '69383',
    admin: { email, displayName: 'Sam Médiateur' },
  });
  const { accessToken } = await call<{ accessToken: string }>(server, 'POST', '/auth/accept-invitation', null, {
    token: created.adminInvitation.invitationToken,
    password: BROWSER_PASSWORD,
  });
  const { organisationId } = await call<{ organisationId: string }>(server, 'GET', '/auth/me', accessToken);
  const service = await call<{ id: string }>(server, 'POST', `/venues/${organisationId}/services`, accessToken, {
    label: 'Initiation',
    category: 'online_procedures',
    durationMinutes: 60,
    maxVouchers: 2,
  });
  await call(server, 'POST', `/venues/${organisationId}/qualification`, users.anct.token, { decision: 'qualify', reason: 'Lieu vérifié' });
  return { token: accessToken, serviceId: service.id };
}

/** The QR code of a carnet's first chèque, read from the pixels of its printed page. */
function firstQrOf(carnetPdf: Buffer): string {
  const qr = decodeQrIn(rasterisePage(carnetPdf, 2), couponQrBox(0));
  if (!qr) throw new Error('The first QR code of the printed carnet did not scan');
  return qr;
}

describe('The venue counter without network (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let seed: CounterSeed;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  /** The QR code of the first carnet's first chèque. */
  let firstQr: string;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
    // Two carnets: one for each journey (the device's queue is its own in each, the database is shared).
    seed = await seedCounter(server, users, 5, 2);
    firstQr = firstQrOf(seed.carnetPdf);
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

  const redemptionsOf = (serial: string) =>
    server.query<{ venueId: string; mode: string; deviceId: string | null }>(
      `SELECT r.venue_id AS "venueId", r.mode, r.device_id AS "deviceId" FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id WHERE v.serial = $1 AND r.cancelled_at IS NULL`,
      [serial],
    );

  /** Logs in and opens the counter online, then waits until the device can work without network. */
  async function openCounterOnline(): Promise<void> {
    await page.goto('/connexion');
    await logInThroughForm(page, users.venue);
    await page.waitForURL('**/guichet');
    await page.goto('/guichet/encaisser');
    await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
    await waitUntilReadyOffline(page);
  }

  async function enter(text: string): Promise<void> {
    const field = page.getByLabel('Code ou QR code du chèque');
    await field.fill('');
    await field.focus();
    // As a scanner does: characters, then Enter.
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it(
    'opens offline, verifies and queues three chèques, keeps them across a reload, then synchronises them with one conflict',
    async () => {
      await openCounterOnline();
      const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
      expect(manifest).toBe('/manifest.webmanifest');

      await context.setOffline(true);
      await page.getByText('Hors ligne — 0 chèque en attente, accepté sous réserve').waitFor();

      // A typo is still caught by the check character, and nothing is queued.
      const typo = `${seed.codes[1]!.slice(0, 5)}${seed.codes[1]![5] === 'A' ? 'B' : 'A'}${seed.codes[1]!.slice(6)}`;
      await enter(typo);
      await page.getByText('Ce code contient une erreur de frappe', { exact: false }).first().waitFor();

      // A QR code (a scanner that types), verified on the device; then two typed codes.
      await enter(firstQr);
      await page.getByText('Oui — Accepté sous réserve').waitFor();
      await page.getByText('Le QR code est authentique', { exact: false }).waitFor();
      await page.getByText('Hors ligne — 1 chèque en attente, accepté sous réserve').waitFor();
      await enter(seed.codes[1]!);
      await page.getByText('Hors ligne — 2 chèques en attente, acceptés sous réserve').waitFor();
      await enter(seed.codes[2]!.replaceAll('-', '').toLowerCase());
      await page.getByText('Hors ligne — 3 chèques en attente, acceptés sous réserve').waitFor();
      const queue = page.getByRole('region', { name: 'Chèques en attente sur cet appareil' });
      await queue.getByText(`Chèque ${seed.serials[0]} —`, { exact: false }).waitFor();
      expect(await queue.getByRole('listitem').count()).toBe(3);
      await expectNoAxeViolations(page, 'guichet/encaisser (hors ligne)');

      // The same chèque twice is refused on the device.
      await enter(seed.codes[2]!);
      await page.getByText('est déjà en attente', { exact: false }).waitFor();

      // Closed and opened again without network: the app opens from the service worker, the queue is still there.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
      await page.getByText('Hors ligne — 3 chèques en attente, acceptés sous réserve').waitFor();
      expect(await queue.getByRole('listitem').count()).toBe(3);
      await expectNoAxeViolations(page, 'guichet/encaisser (hors ligne, rechargé)');
      // Everything on screen now comes from the service worker's cache, icons included.
      await takeScreenshots(page, 'guichet-hors-ligne');
      for (const serial of seed.serials.slice(0, 3)) expect(await redemptionsOf(serial)).toEqual([]);

      // Meanwhile, another venue redeems the third chèque online.
      const other = await otherVenue(server, users);
      await call(
        server,
        'POST',
        '/redemptions',
        other.token,
        { serviceId: other.serviceId, vouchers: [{ code: seed.codes[2] }] },
        { 'Idempotency-Key': randomUUID() },
      );

      // The network is back: the queue is sent, two are redeemed, the third is a conflict with its reason.
      await context.setOffline(false);
      await page.getByText('Synchronisation faite : 2 chèques encaissés, 1 en conflit').waitFor({ timeout: 60_000 });
      const report = page.getByRole('region', { name: 'Chèques pris hors ligne' });
      await report.getByText('Non — Chèque déjà utilisé').waitFor();
      await report.getByText(`Chèque ${seed.serials[2]}`).waitFor();
      await report.getByText(/Ce chèque a déjà été encaissé le .+\./).waitFor();
      await expectNoAxeViolations(page, 'guichet/encaisser (synchronisé)');
      await takeScreenshots(page, 'guichet-synchronise');

      for (const serial of [seed.serials[0]!, seed.serials[1]!]) {
        const [redemption, ...others] = await redemptionsOf(serial);
        expect(others).toEqual([]);
        expect(redemption).toEqual({ venueId: seed.venueId, mode: 'offline', deviceId: expect.stringMatching(/^guichet-[0-9a-f-]{36}$/) });
      }
      const [third, ...more] = await redemptionsOf(seed.serials[2]!);
      expect(more).toEqual([]);
      expect(third).toMatchObject({ mode: 'online' });
      expect(third!.venueId).not.toBe(seed.venueId);

      // Read, dismissed; the device's queue is empty and stays so after another opening.
      await report.getByRole('button', { name: 'J’ai lu le résultat' }).click();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
      await page.getByLabel('Code du chèque').waitFor();
      expect(await page.getByRole('region', { name: 'Chèques pris hors ligne' }).count()).toBe(0);
    },
    JOURNEY_TIMEOUT,
  );
  /** A code typed in the online counter, as a barcode scanner does: characters, then Enter. */
  async function typeOnline(code: string): Promise<void> {
    const field = page.getByLabel('Code du chèque');
    await field.fill('');
    await field.focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  }

  it(
    'on a network that says "online" but does not answer: goes degraded by itself, keeps the chèques in hand, comes back and synchronises each chèque once',
    async () => {
      const carnet = seed.carnets[1]!;
      const { codes, serials } = carnet;
      // A phone's size: the agents use theirs at the counter.
      await page.setViewportSize(PHONE);
      await openCounterOnline();
      await typeOnline(codes[1]!);
      const basket = page.getByRole('region', { name: 'Panier' });
      await basket.getByRole('button', { name: `Retirer le chèque ${serials[1]}` }).waitFor();

      // The network goes bad while the browser still says it is online: the next check gets no answer.
      let repairNetwork = await breakTheNetwork(page);
      const askedAt = Date.now();
      await typeOnline(codes[2]!);
      await page.getByText('Réseau instable — 2 chèques en attente, acceptés sous réserve').waitFor({ timeout: 30_000 });
      // Not before the deadline (8 s): a slow answer is waited for.
      expect(Date.now() - askedAt).toBeGreaterThanOrEqual(7_500);
      expect(await page.evaluate(() => navigator.onLine)).toBe(true);
      await page
        .getByText('Le réseau ne répond pas : les chèques sont vérifiés sur cet appareil et mis en attente.', { exact: false })
        .waitFor();
      // Neither the chèque being checked nor the one in the basket is lost: both are queued, nothing to scan again.
      const result = page.getByRole('region', { name: 'Résultat' });
      expect(await result.getByText('Oui — Accepté sous réserve').count()).toBe(2);
      const queue = page.getByRole('region', { name: 'Chèques en attente sur cet appareil' });
      await queue.getByText(`Chèque ${serials[1]} —`, { exact: false }).waitFor();
      await queue.getByText('vérifié en ligne avant la coupure', { exact: false }).waitFor();
      await queue.getByText('code saisi, vérifié à l’envoi', { exact: false }).waitFor();

      // The next chèque's QR code is verified on the device, as without network.
      await enter(firstQrOf(carnet.pdf));
      await page.getByText('Réseau instable — 3 chèques en attente, acceptés sous réserve').waitFor();
      await page.getByText('Le QR code est authentique', { exact: false }).waitFor();
      expect(await queue.getByRole('listitem').count()).toBe(3);
      await page.getByRole('button', { name: 'Réessayer maintenant' }).waitFor();
      await expectNoAxeViolations(page, 'guichet/encaisser (réseau instable)');
      await takeScreenshots(page, 'guichet-reseau-instable');
      for (const serial of serials.slice(0, 3)) expect(await redemptionsOf(serial)).toEqual([]);

      // The network answers again: the counter finds out by itself (no click, no reload) and sends the queue.
      await repairNetwork();
      await page.getByText('Synchronisation faite : 3 chèques encaissés, 0 en conflit').waitFor({ timeout: 90_000 });
      await page.getByLabel('Code du chèque').waitFor();
      const report = page.getByRole('region', { name: 'Chèques pris hors ligne' });
      await report.getByRole('button', { name: 'J’ai lu le résultat' }).click();

      // A redemption whose answer is lost: the server redeemed it, the counter never heard.
      await typeOnline(codes[3]!);
      await basket.getByRole('button', { name: `Retirer le chèque ${serials[3]}` }).waitFor();
      repairNetwork = await breakTheNetwork(page);
      await page.getByRole('button', { name: 'Encaisser 1 chèque' }).click();
      await page.getByText('Réseau instable — 1 chèque en attente, accepté sous réserve').waitFor({ timeout: 30_000 });
      await page.getByText('Le réseau n’a pas confirmé l’encaissement', { exact: false }).waitFor();
      await queue.getByText('encaissement resté sans réponse, confirmé à l’envoi', { exact: false }).waitFor();
      expect(await redemptionsOf(serials[3]!)).toEqual([{ venueId: seed.venueId, mode: 'online', deviceId: null }]);

      // Sent again at synchronisation, it is not redeemed twice, and the agent reads it as redeemed, not as a conflict.
      await repairNetwork();
      await page.getByText('Synchronisation faite : 1 chèque encaissé, 0 en conflit').waitFor({ timeout: 90_000 });
      await report.getByText('Oui — Chèque encaissé').waitFor();
      await report.getByText('quand le réseau a coupé : la réponse s’était perdue', { exact: false }).waitFor();
      expect(await report.getByText('Chèque déjà utilisé').count()).toBe(0);
      await expectNoAxeViolations(page, 'guichet/encaisser (réponse perdue, synchronisé)');
      await takeScreenshots(page, 'guichet-reponse-perdue');

      // Each chèque redeemed exactly once, by this venue.
      for (const serial of serials.slice(0, 3)) {
        expect(await redemptionsOf(serial)).toEqual([
          { venueId: seed.venueId, mode: 'offline', deviceId: expect.stringMatching(/^guichet-[0-9a-f-]{36}$/) },
        ]);
      }
      expect(await redemptionsOf(serials[3]!)).toEqual([{ venueId: seed.venueId, mode: 'online', deviceId: null }]);
      expect(await redemptionsOf(serials[4]!)).toEqual([]);
    },
    JOURNEY_TIMEOUT,
  );
});
