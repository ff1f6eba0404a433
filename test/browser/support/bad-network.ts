/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import type { Page, Route } from 'playwright-core';

/**
 * Waits until the counter's device can work without the API: the service worker controls the page, and
 * IndexedDB holds the signing keys and the revocation list (fetched when the counter opens online).
 */
export async function waitUntilReadyOffline(page: Page): Promise<void> {
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
}

/**
 * A network the browser believes up (`navigator.onLine` stays true) that does not carry the API's answers:
 * checks and the readiness probe get no answer at all; a redemption reaches the server, which redeems, but
 * its answer is lost on the way back; an offline batch is cut. Returns what puts the network right again.
 */
export async function breakTheNetwork(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  const routes: [string, (route: Route) => Promise<void> | void][] = [
    ['**/api/v1/redemptions/check', (route) => void held.push(route)],
    ['**/health/ready', (route) => void held.push(route)],
    [
      '**/api/v1/redemptions',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
    ],
    ['**/api/v1/redemptions/offline-batches', (route) => route.abort('internetdisconnected')],
  ];
  for (const [url, handler] of routes) await page.route(url, handler);
  return async () => {
    for (const [url, handler] of routes) await page.unroute(url, handler);
    // The page gave up on these long ago (its deadline): nothing is waiting for them any more.
    for (const route of held) await route.abort().catch(() => undefined);
  };
}
