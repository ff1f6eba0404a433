/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { decodeQrIn } from '../support/pdf';
import { couponQrBox } from '../../src/modules/printing/render/carnet-document';
import { expectNoAxeViolations } from './support/axe';
import { breakTheNetwork, waitUntilReadyOffline } from './support/bad-network';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { type CounterSeed, seedCounter } from './support/counter-seed';
import { blankFrame, chequeFrame, chequePage, writeY4m } from './support/fake-camera';
import { expectCleanPage, type JourneyPageOptions, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { DESKTOP, PHONE, takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 240_000;
const SERVER_TIMEOUT = 400_000;
/** The fake camera's video: the chèque held up this long, then taken away this long, in a loop. */
const CHEQUE_SECONDS = 6;
const AWAY_SECONDS = 3;

/**
 * Camera scanning at the counter, in Chromium with its fake capture device playing a video made here from
 * a page of the carnet PDF the service rendered: the QR is read by the BarcodeDetector polyfill (ZXing in
 * WebAssembly served from our origin, under the page's CSP), checked, put in the basket, redeemed.
 */
describe('The venue counter scans chèques with the camera (Chromium, fake camera)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let seed: CounterSeed;
  let videoDir: string;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  /** Bodies of the redemption requests the page sent. */
  let redemptionBodies: string[];

  beforeAll(async () => {
    server = await startBrowserServer();
    users = await seedUsers(server);
    seed = await seedCounter(server, users);
    // The first chèque of the carnet, as printed: its page rasterised by poppler, its coupon held up to the camera.
    const raster = chequePage(seed.carnetPdf, 0);
    expect(decodeQrIn(raster, couponQrBox(0))).toMatch(/^PN1:/);
    videoDir = mkdtempSync(join(tmpdir(), 'pn-camera-'));
    const video = join(videoDir, 'cheque.y4m');
    writeY4m(
      video,
      [
        { frame: chequeFrame(raster, 0), seconds: CHEQUE_SECONDS },
        { frame: blankFrame(), seconds: AWAY_SECONDS },
      ],
      3,
    );
    browser = await launchChromium({ fakeCamera: { file: video } });
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (videoDir) rmSync(videoDir, { recursive: true, force: true });
  }, SERVER_TIMEOUT);

  beforeEach(async () => {
    ({ context, page, watch } = await openJourneyPage(browser, server, {
      // Keeps every camera stream the page opens, to check that each one is stopped.
      initScript: () => {
        const streams: MediaStream[] = [];
        (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = streams;
        const devices = navigator.mediaDevices;
        if (!devices) return;
        const getUserMedia = devices.getUserMedia.bind(devices);
        devices.getUserMedia = async (constraints) => {
          const stream = await getUserMedia(constraints);
          streams.push(stream);
          return stream;
        };
      },
    }));
    redemptionBodies = [];
    await page.route('**/api/v1/redemptions', async (route) => {
      redemptionBodies.push(route.request().postDataBuffer()?.toString() ?? '');
      await route.continue();
    });
  });
  afterEach(async () => {
    await context?.close();
    expectCleanPage(watch);
  });

  async function openCounter(): Promise<void> {
    await page.goto('/connexion?retour=/guichet/encaisser');
    await logInThroughForm(page, users.venue);
    await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
  }

  /** A page of its own browser (its camera set otherwise), logged in at the counter, watched like the others. */
  async function openCounterIn(other: Browser, options: JourneyPageOptions): Promise<PageWatch> {
    const journey = await openJourneyPage(other, server, options);
    page = journey.page;
    await openCounter();
    return journey.watch;
  }

  /** The camera streams the page opened: how many, and how many still live. */
  const cameraStreams = () =>
    page.evaluate(() => {
      const streams = (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams;
      return {
        opened: streams.length,
        live: streams.filter((stream) => stream.getTracks().some((track) => track.readyState === 'live')).length,
      };
    });

  const redemptionsOf = (serial: string) =>
    server.query<{ venueId: string; serviceId: string; status: string }>(
      `SELECT r.venue_id AS "venueId", r.service_id AS "serviceId", v.status FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id WHERE v.serial = $1`,
      [serial],
    );

  it(
    'reads the chèque held up to the camera into the basket once, redeems it, then says "déjà utilisé" when it is shown again',
    async () => {
      await openCounter();
      const serial = seed.serials[0]!;
      const basket = page.getByRole('region', { name: 'Panier' });
      await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
      await page.getByText(`Chèque ${serial} ajouté au panier.`).waitFor({ timeout: 60_000 });
      // At once, while the chèque is still in front of the camera.
      await takeScreenshots(page, 'guichet-camera');
      await basket.getByRole('button', { name: `Retirer le chèque ${serial}` }).waitFor();
      await basket.getByText('1 chèque ·', { exact: false }).waitFor();
      // The video plays: the agent sees what the camera sees.
      expect(await page.getByLabel('Image de la caméra').evaluate((video: HTMLVideoElement) => video.videoWidth > 0 && !video.paused)).toBe(
        true,
      );
      await expectNoAxeViolations(page, 'guichet/encaisser (caméra)');

      // Taken away, then shown again: not added a second time, and the agent is told so.
      await page
        .getByText(`Le chèque ${serial} est déjà dans le panier : il n’est pas ajouté une deuxième fois.`)
        .waitFor({ timeout: 60_000 });
      await basket.getByText('1 chèque ·', { exact: false }).waitFor();
      expect(await basket.getByRole('listitem').count()).toBe(1);

      await page.getByRole('button', { name: 'Arrêter la caméra' }).click();
      await page.getByRole('button', { name: 'Scanner avec la caméra' }).waitFor();
      expect(await cameraStreams()).toEqual({ opened: 1, live: 0 });

      await page.getByRole('button', { name: 'Encaisser 1 chèque' }).click();
      await page.getByText('Oui — Chèque accepté').waitFor();
      expect(await redemptionsOf(serial)).toEqual([{ venueId: seed.venueId, serviceId: seed.serviceId, status: 'redeemed' }]);
      // The QR's text itself was sent, so the server verified its signature again.
      expect(redemptionBodies).toHaveLength(1);
      expect(JSON.parse(redemptionBodies[0]!)).toEqual({ serviceId: seed.serviceId, vouchers: [{ qr: expect.stringMatching(/^PN1:/) }] });

      // The same chèque in front of the camera again: already used, here.
      await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
      await page.getByText('Non — Chèque déjà utilisé').waitFor({ timeout: 60_000 });
      await page.getByText(`Chèque ${serial} refusé — Chèque déjà utilisé. Voir le résultat ci-dessous.`).waitFor();
      await takeScreenshots(page, 'guichet-camera-deja-utilise');
      await page.getByText(/Ce chèque a déjà été encaissé le .+, dans votre lieu\./).waitFor();
      await expectNoAxeViolations(page, 'guichet/encaisser (caméra, déjà utilisé)');
      expect(await redemptionsOf(serial)).toHaveLength(1);

      // Leaving the page stops the camera.
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Historique' }).click();
      await page.getByRole('heading', { level: 1, name: 'Historique des encaissements' }).waitFor();
      expect(await cameraStreams()).toEqual({ opened: 2, live: 0 });
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'says in French that the camera was refused, and the code can still be typed',
    async () => {
      const refusing = await launchChromium({ fakeCamera: 'refused' });
      try {
        const otherWatch = await openCounterIn(refusing, { viewport: DESKTOP });
        await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
        await page.getByText('Accès à la caméra refusé').waitFor();
        await page.getByText('Autorisez-la dans les réglages du site', { exact: false }).waitFor();
        expect(await page.getByLabel('Image de la caméra').isVisible()).toBe(false);
        expect(await page.getByLabel('Code du chèque').isEditable()).toBe(true);
        await expectNoAxeViolations(page, 'guichet/encaisser (caméra refusée)');
        await takeScreenshots(page, 'guichet-camera-refusee');
        expectCleanPage(otherWatch);
      } finally {
        await refusing.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'says in French when the device has no camera',
    async () => {
      // No fake device: this machine has no camera.
      const bare = await launchChromium();
      try {
        const otherWatch = await openCounterIn(bare, { viewport: PHONE, permissions: ['camera'] });
        await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
        await page.getByText('Aucune caméra trouvée').waitFor();
        await expectNoAxeViolations(page, 'guichet/encaisser (pas de caméra)');
        expectCleanPage(otherWatch);
      } finally {
        await bare.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
  it(
    'keeps reading chèques with the camera when the network stops answering: verified on the device, queued once, synchronised once',
    async () => {
      await page.setViewportSize(PHONE);
      await openCounter();
      await waitUntilReadyOffline(page);
      const [scanned, typed] = [seed.serials[0]!, seed.serials[1]!];
      const repairNetwork = await breakTheNetwork(page);
      await page.getByLabel('Code du chèque').fill(seed.codes[1]!);
      await page.getByLabel('Code du chèque').press('Enter');
      await page.getByText('Réseau instable — 1 chèque en attente, accepté sous réserve').waitFor({ timeout: 30_000 });

      await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
      await page.getByText(`Chèque ${scanned} mis en attente : accepté sous réserve.`).waitFor({ timeout: 60_000 });
      await page.getByText('Réseau instable — 2 chèques en attente, acceptés sous réserve').waitFor();
      await page.getByText('Le QR code est authentique', { exact: false }).waitFor();
      await takeScreenshots(page, 'guichet-reseau-instable-camera');
      await expectNoAxeViolations(page, 'guichet/encaisser (réseau instable, caméra)');
      // Taken away and shown again: not queued twice.
      await page.getByText(`Le chèque ${scanned} est déjà en attente : il n’est pas pris une deuxième fois.`).waitFor({ timeout: 60_000 });
      expect(await page.getByRole('region', { name: 'Chèques en attente sur cet appareil' }).getByRole('listitem').count()).toBe(2);
      await page.getByRole('button', { name: 'Arrêter la caméra' }).click();
      expect(await cameraStreams()).toEqual({ opened: 1, live: 0 });
      const before = await redemptionsOf(scanned);

      await repairNetwork();
      await page.getByText(/^Synchronisation faite : /).waitFor({ timeout: 90_000 });
      expect(await redemptionsOf(typed)).toEqual([{ venueId: seed.venueId, serviceId: seed.serviceId, status: 'redeemed' }]);
      // Redeemed once, whether by this synchronisation or before it (then reported as a conflict).
      expect(await redemptionsOf(scanned)).toEqual([{ venueId: seed.venueId, serviceId: seed.serviceId, status: 'redeemed' }]);
      if (before.length > 0) await page.getByText('Non — Chèque déjà utilisé').waitFor();
    },
    JOURNEY_TIMEOUT,
  );
});
