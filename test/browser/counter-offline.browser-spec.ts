/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { couponQrBox } from '../../src/modules/printing/render/carnet-document';
import { uniqueEmail, uniqueSiret } from '../support/identifiers';
import { decodeQrIn, rasterisePage } from '../support/pdf';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { type CounterSeed, seedCounter } from './support/counter-seed';
import { expectCleanPage, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
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

describe('The venue counter without network (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let seed: CounterSeed;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  /** The QR code of the carnet's first chèque, read from the pixels of its printed page. */
  let firstQr: string;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startBrowserServer();
    users = await seedUsers(server);
    seed = await seedCounter(server, users);
    const qr = decodeQrIn(rasterisePage(seed.carnetPdf, 2), couponQrBox(0));
    if (!qr) throw new Error('The first QR code of the printed carnet did not scan');
    firstQr = qr;
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
      // Online once: log in, open the counter; the service worker precaches the app, the device keeps the keys and revocation list.
      await page.goto('/connexion');
      await logInThroughForm(page, users.venue);
      await page.waitForURL('**/guichet');
      await page.goto('/guichet/encaisser');
      await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
      const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
      expect(manifest).toBe('/manifest.webmanifest');
      await page.waitForFunction(
        async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null,
        undefined,
        { timeout: 60_000 },
      );
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const request = indexedDB.open('pass-numerique-guichet');
            request.onsuccess = () => {
              const read = request.result.transaction('meta').objectStore('meta').get('revocations');
              read.onsuccess = () => resolve(read.result !== undefined);
              read.onerror = () => resolve(false);
            };
            request.onerror = () => resolve(false);
          }),
        undefined,
        { timeout: 60_000 },
      );

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
});
