/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { readdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { COUPONS_PER_PAGE } from '../src/modules/printing/render/carnet-document';
import { startBrowserServer, type BrowserServer } from '../test/browser/support/browser-server';
import { launchChromium } from '../test/browser/support/chromium';
import { seedCounter } from '../test/browser/support/counter-seed';
import { CAMERA_FRAME, chequeCoupon, chequePage, DESK_GREY } from '../test/browser/support/fake-camera';
import { seedUsers } from '../test/browser/support/seed';
import { createTemplateDatabase } from '../test/support/test-database';

/**
 * `npm run bench -- web`: the venue counter in Chromium against the running service (API + worker +
 * built web application, `start-all` on a fresh database, data made through the API like the browser
 * tests: a qualified venue, carnets printed by the service and handed to beneficiaries).
 *
 * 1. Bytes the counter downloads before it is usable, cold cache, as served (compressed): JS, CSS, fonts,
 *    images, the page, API answers; then what opening the camera adds (the QR reader's JS and WASM).
 *    Budget: ≤ 200 KB of JS compressed for the counter.
 * 2. Time from a QR in front of the camera to its verdict on screen, p50/p95 over BENCH_WEB_SCANS scans
 *    (default 50), against the baseline measured in the same run and page on the same frames: the decoder
 *    alone (BarcodeDetector.detect on the frame) + the bare `POST /redemptions/check` (fetch). Target ≤ 1.5×.
 *    How frames are presented: the page's camera is a canvas (`getUserMedia` answers its captureStream,
 *    repainted at every animation frame like a camera's steady flow); each scan paints a new chèque — its
 *    coupon cut from the carnet PDF the service rendered, rasterised by pdftoppm, centred on a grey
 *    desk — and the clock runs from that paint until the page shows "Chèque … ajouté au panier." (next
 *    animation frame after the text appears). Every scan is then redeemed through the page's button.
 * 3. Memory over BENCH_WEB_MEMORY_SCANS consecutive scans (default 200), each redeemed: the API process's
 *    RSS and the page's JS heap (after a forced GC) and DOM nodes, at the start and every 50 scans.
 */

const KB = 1000;

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const log = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

interface Frame {
  serial: string;
  /** The chèque's coupon as a PNG, base64: the page centres it on the desk. */
  coupon: string;
}

export async function run(): Promise<void> {
  const scans = setting('BENCH_WEB_SCANS', 50);
  const memoryScans = setting('BENCH_WEB_MEMORY_SCANS', 200);
  const warmup = 5;
  log('Starting the service (API, worker, built web application) on a fresh database…');
  const server = await startBrowserServer({ LOG_LEVEL: 'warn' }, createTemplateDatabase);
  let browser: Browser | null = null;
  try {
    const users = await seedUsers(server);
    const needed = warmup + scans + memoryScans;
    const carnetCount = Math.ceil(needed / 10);
    log(`Making ${carnetCount} carnets of 10 chèques through the API (order, payment, generation, allocation, hand-out, PDF)…`);
    const seed = await seedCounter(server, users, 10, carnetCount);
    log('Rasterising their pages (pdftoppm) into camera frames…');
    const frames: Frame[] = [];
    for (const carnet of seed.carnets) {
      let raster: ReturnType<typeof chequePage> | null = null;
      for (let index = 0; index < carnet.serials.length && frames.length < needed; index++) {
        if (index % COUPONS_PER_PAGE === 0) raster = chequePage(carnet.pdf, index);
        frames.push({ serial: carnet.serials[index]!, coupon: PNG.sync.write(chequeCoupon(raster!, index)).toString('base64') });
      }
    }

    browser = await launchChromium();
    const downloads = await measureDownloads(browser, server, users.venue);

    const { page, cdp } = await openCounterWithCanvasCamera(browser, server, users.venue);
    log(`Warming up (${warmup} scans)…`);
    for (const frame of frames.slice(0, warmup)) await scan(page, frame, false);
    log(`Timing ${scans} scans…`);
    const timed: ScanTiming[] = [];
    for (const [index, frame] of frames.slice(warmup, warmup + scans).entries()) timed.push(await scan(page, frame, true, index % 2 === 1));

    log(`Memory over ${memoryScans} consecutive scans…`);
    const samples: MemorySample[] = [await memorySample(cdp, server, 0)];
    for (const [index, frame] of frames.slice(warmup + scans, warmup + scans + memoryScans).entries()) {
      await scan(page, frame, false);
      if ((index + 1) % 50 === 0 || index + 1 === memoryScans) samples.push(await memorySample(cdp, server, index + 1));
    }
    const redeemed = await server.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM redemptions WHERE venue_id = $1 AND cancelled_at IS NULL`,
      [seed.venueId],
    );

    const scanTimes = timed.map((timing) => timing.scanMs);
    const baselines = timed.map((timing) => timing.decodeMs + timing.checkMs);
    const p50 = percentile(scanTimes, 50);
    const p95 = percentile(scanTimes, 95);
    const baseP50 = percentile(baselines, 50);
    const baseP95 = percentile(baselines, 95);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const lines = [
      '',
      'Counter /guichet/encaisser, cold cache, logged in, until the code field and the camera button are usable (bytes transferred, compressed as served, headers included):',
      `  JS ${kb(downloads.initial.script.wire)} (${kb(downloads.initial.script.decoded)} uncompressed, ${downloads.initial.script.count} files) — budget ≤ 200 KB: ${downloads.initial.script.wire <= 200 * KB ? 'met' : 'MISSED'}`,
      `  CSS ${kb(downloads.initial.stylesheet.wire)} (${kb(downloads.initial.stylesheet.decoded)} uncompressed, ${downloads.initial.stylesheet.count} files); fonts ${kb(downloads.initial.font.wire)} (${downloads.initial.font.count}); images ${kb(downloads.initial.image.wire)} (${downloads.initial.image.count}); page ${kb(downloads.initial.document.wire)}; API answers ${kb(downloads.initial.api.wire)} (${downloads.initial.api.count})`,
      `  Content-Encoding of the JS and CSS: ${[...downloads.encodings].join(', ') || 'none'}`,
      `Opening the camera adds: the QR reader's JS ${kb(downloads.camera.script.wire)} (${kb(downloads.camera.script.decoded)} uncompressed), its WASM ${kb(downloads.camera.wasm.wire)} (${kb(downloads.camera.wasm.decoded)} uncompressed), from our origin`,
      '',
      `QR in front of the camera → verdict on screen ("ajouté au panier"), ${timed.length} scans: p50 ${ms(p50)}, p95 ${ms(p95)}`,
      `  baseline in the same page, same frames: decoder alone p50 ${ms(
        percentile(
          timed.map((t) => t.decodeMs),
          50,
        ),
      )}, p95 ${ms(
        percentile(
          timed.map((t) => t.decodeMs),
          95,
        ),
      )}; bare check call p50 ${ms(
        percentile(
          timed.map((t) => t.checkMs),
          50,
        ),
      )}, p95 ${ms(
        percentile(
          timed.map((t) => t.checkMs),
          95,
        ),
      )}; sum p50 ${ms(baseP50)}, p95 ${ms(baseP95)}`,
      `  ratio: p50 ${(p50 / baseP50).toFixed(2)}×, p95 ${(p95 / baseP95).toFixed(2)}× — target ≤ 1.5×: ${p50 / baseP50 <= 1.5 ? 'met' : 'MISSED'} (p50)`,
      `  then "Encaisser 1 chèque" → "Chèque accepté" on screen: p50 ${ms(
        percentile(
          timed.map((t) => t.redeemMs),
          50,
        ),
      )}, p95 ${ms(
        percentile(
          timed.map((t) => t.redeemMs),
          95,
        ),
      )}`,
      '',
      `Memory over ${memoryScans} consecutive scans, each redeemed (${redeemed[0]!.n} redemptions in the database in all):`,
      ...samples.map(
        (sample) =>
          `  after ${String(sample.scans).padStart(3)} scans: API RSS ${(sample.apiRss / 1_048_576).toFixed(0)} MiB; page JS heap ${(sample.jsHeap / 1_048_576).toFixed(1)} MiB, DOM nodes ${sample.nodes}, listeners ${sample.listeners}`,
      ),
      `  growth start → end: API RSS ${signed((last.apiRss - first.apiRss) / 1_048_576)} MiB, page JS heap ${signed((last.jsHeap - first.jsHeap) / 1_048_576)} MiB, DOM nodes ${signed(last.nodes - first.nodes)}`,
    ];
    say(lines.join('\n'));
  } finally {
    await browser?.close();
    await server.stop();
  }
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

interface Tally {
  wire: number;
  decoded: number;
  count: number;
}
const tally = (): Tally => ({ wire: 0, decoded: 0, count: 0 });

async function login(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/connexion?retour=/guichet/encaisser');
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Encaisser des chèques' }).waitFor();
}

/**
 * Counts the bytes of every response through the DevTools protocol: transferred (compressed body and
 * headers, as DevTools shows them) and decoded.
 */
async function countResponses(cdp: CDPSession) {
  const requests = new Map<string, { type: string; url: string; encoding: string; wire: number; decoded: number }>();
  cdp.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, {
      type: event.type,
      url: event.response.url,
      encoding: String(event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? ''),
      wire: 0,
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.wire = event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  return requests;
}

/** What the counter downloads before it is usable, cold cache; then what opening the camera adds. */
async function measureDownloads(browser: Browser, server: BrowserServer, user: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'fr-FR', viewport: { width: 360, height: 800 } });
  await context.grantPermissions(['camera'], { origin: server.baseUrl });
  try {
    const page = await context.newPage();
    await login(page, user);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    const requests = await countResponses(cdp);
    await page.reload();
    await page.getByLabel('Code du chèque').waitFor();
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).waitFor();
    await page.waitForLoadState('networkidle');
    const initial = { script: tally(), stylesheet: tally(), font: tally(), image: tally(), document: tally(), api: tally() };
    const encodings = new Set<string>();
    for (const request of requests.values()) {
      const kind = new URL(request.url).pathname.startsWith('/api/')
        ? 'api'
        : request.type === 'Script'
          ? 'script'
          : request.type === 'Stylesheet'
            ? 'stylesheet'
            : request.type === 'Font'
              ? 'font'
              : request.type === 'Image'
                ? 'image'
                : request.type === 'Document'
                  ? 'document'
                  : null;
      if (!kind) continue;
      initial[kind].wire += request.wire;
      initial[kind].decoded += request.decoded;
      initial[kind].count++;
      if (kind === 'script' || kind === 'stylesheet') encodings.add(request.encoding || 'identity');
    }
    requests.clear();
    // The camera: this browser has none, so the page says so; the reader's JS and WASM are fetched all the same.
    await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(2000);
    const camera = { script: tally(), wasm: tally() };
    for (const request of requests.values()) {
      const kind = request.url.includes('.wasm') ? 'wasm' : request.type === 'Script' ? 'script' : null;
      if (!kind) continue;
      camera[kind].wire += request.wire;
      camera[kind].decoded += request.decoded;
      camera[kind].count++;
    }
    return { initial, camera, encodings };
  } finally {
    await context.close();
  }
}

/** The counter, logged in, with a canvas as its camera (see the header), and a detector for the baseline. */
async function openCounterWithCanvasCamera(browser: Browser, server: BrowserServer, user: { email: string; password: string }) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 360, height: 800 },
  });
  await context.addInitScript(
    ({ width, height, grey }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context2d = canvas.getContext('2d')!;
      let shown: ImageBitmap | null = null;
      const paint = (target: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, bitmap: ImageBitmap | null) => {
        target.fillStyle = `rgb(${grey}, ${grey}, ${grey})`;
        target.fillRect(0, 0, width, height);
        if (bitmap) target.drawImage(bitmap, Math.floor((width - bitmap.width) / 2), Math.floor((height - bitmap.height) / 2));
      };
      const everyFrame = () => {
        paint(context2d, shown);
        requestAnimationFrame(everyFrame);
      };
      requestAnimationFrame(everyFrame);
      const stream = canvas.captureStream(30);
      Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: async () => stream }, configurable: true });
      (window as unknown as { benchCamera: unknown }).benchCamera = {
        async load(pngBase64: string) {
          const bytes = Uint8Array.from(atob(pngBase64), (character) => character.charCodeAt(0));
          return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        },
        /** The frame the camera gives while `bitmap` is held up, for the decoder alone. */
        frame(bitmap: ImageBitmap) {
          const frame = new OffscreenCanvas(width, height);
          paint(frame.getContext('2d')!, bitmap);
          return frame;
        },
        show(bitmap: ImageBitmap | null) {
          shown = bitmap;
          paint(context2d, shown);
          return performance.now();
        },
      };
    },
    { width: CAMERA_FRAME.width, height: CAMERA_FRAME.height, grey: DESK_GREY },
  );
  const page = await context.newPage();
  await login(page, user);
  await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
  await page.getByRole('button', { name: 'Arrêter la caméra' }).waitFor();
  // The polyfill is loaded: the baseline uses the very same BarcodeDetector (window.BarcodeDetector).
  await page.waitForFunction(() => 'BarcodeDetector' in window);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

interface ScanTiming {
  decodeMs: number;
  checkMs: number;
  scanMs: number;
  redeemMs: number;
}

/** One chèque held up, read, checked, in the basket, redeemed; the baseline first or last (alternately). */
async function scan(page: Page, frame: Frame, withBaseline: boolean, baselineLast = false): Promise<ScanTiming> {
  const timing = await page.evaluate(
    async ({ coupon, serial, withBaseline, baselineLast }) => {
      type Camera = {
        load(png: string): Promise<ImageBitmap>;
        frame(bitmap: ImageBitmap): OffscreenCanvas;
        show(bitmap: ImageBitmap | null): number;
      };
      type Detector = { detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]> };
      const camera = (window as unknown as { benchCamera: Camera }).benchCamera;
      const Detector = (window as unknown as { BarcodeDetector: new (options: { formats: string[] }) => Detector }).BarcodeDetector;
      const bitmap = await camera.load(coupon);
      const baseline = async () => {
        const detector = new Detector({ formats: ['qr_code'] });
        const image = camera.frame(bitmap);
        const decodeStart = performance.now();
        const [code] = await detector.detect(image);
        const decodeMs = performance.now() - decodeStart;
        if (!code) throw new Error(`The decoder alone read no QR on the frame of ${serial}`);
        const csrf = decodeURIComponent(/(?:^|; )pn_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '');
        const checkStart = performance.now();
        const answer = await fetch('/api/v1/redemptions/check', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ qr: code.rawValue }),
        });
        const checked = (await answer.json()) as { serial: string; redeemable: boolean };
        const checkMs = performance.now() - checkStart;
        if (!checked.redeemable || checked.serial !== serial) throw new Error(`Bare check of ${serial}: ${JSON.stringify(checked)}`);
        return { decodeMs, checkMs };
      };
      const expected = `Chèque ${serial} ajouté au panier.`;
      const onScreen = () =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.body.textContent?.includes(expected)) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      const before = withBaseline && !baselineLast ? await baseline() : null;
      const shown = onScreen();
      const start = camera.show(bitmap);
      const scanMs = (await shown) - start;
      const after = withBaseline && baselineLast ? await baseline() : null;
      return { scanMs, ...(before ?? after ?? { decodeMs: 0, checkMs: 0 }) };
    },
    { coupon: frame.coupon, serial: frame.serial, withBaseline, baselineLast },
  );
  const redeemStart = Date.now();
  await page.getByRole('button', { name: 'Encaisser 1 chèque' }).click();
  await page.getByText('Oui — Chèque accepté').waitFor();
  await page.getByText(`Chèque ${frame.serial}`, { exact: true }).waitFor();
  const redeemMs = Date.now() - redeemStart;
  await page.evaluate(() => (window as unknown as { benchCamera: { show(bitmap: null): number } }).benchCamera.show(null));
  return { ...timing, redeemMs };
}

interface MemorySample {
  scans: number;
  apiRss: number;
  jsHeap: number;
  nodes: number;
  listeners: number;
}

async function memorySample(cdp: CDPSession, server: BrowserServer, scans: number): Promise<MemorySample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
  return { scans, apiRss: apiRss(server), jsHeap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/** Resident memory of the API process: the supervisor's child running main.js. */
function apiRss(server: BrowserServer): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== server.pid) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('main.js')) continue;
      const rss = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) return Number(rss[1]) * 1024;
    } catch {
      // A process that ended while being read.
    }
  }
  throw new Error('The API process was not found');
}
