import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (the `chromium` package); never a browser downloaded by a test tool. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumOptions {
  /**
   * Chromium's fake capture device as the camera: a `.y4m` video it plays in a loop (see fake-camera.ts),
   * the permission granted without a prompt; or the permission refused, as when the person says no.
   */
  fakeCamera?: { file: string } | 'refused';
}

function fakeCameraArgs(camera: ChromiumOptions['fakeCamera']): string[] {
  if (!camera) return [];
  if (camera === 'refused') return ['--use-fake-ui-for-media-stream=deny', '--use-fake-device-for-media-stream'];
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera.file}`];
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...fakeCameraArgs(options.fakeCamera),
    ],
    // The browser's own language, which the context's `locale` does not change: it writes the date fields'
    // placeholder (jj/mm/aaaa, not mm/dd/yyyy in the screenshots). On Linux Chromium reads it from LANGUAGE,
    // not from --lang, and needs its French language pack (Debian's `chromium-l10n`).
    env: { ...process.env, LANGUAGE: 'fr' },
  });
}
