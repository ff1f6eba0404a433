/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const SCREENSHOTS_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
export const PHONE = { width: 360, height: 800 };
export const DESKTOP = { width: 1280, height: 800 };

/** Writes docs/screenshots/<name>-phone.png and <name>-desktop.png (whole page), then restores the viewport. */
export async function takeScreenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const initial = page.viewportSize();
  for (const [suffix, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${suffix}.png`), fullPage: true, animations: 'disabled' });
  }
  if (initial) await page.setViewportSize(initial);
}
