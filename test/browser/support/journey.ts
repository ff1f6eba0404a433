import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { BrowserServer } from './browser-server';
import { DESKTOP } from './screenshots';
import type { SeededUser } from './seed';

/** What a page reported as going wrong: Content-Security-Policy violations (the browser says them in the console) and uncaught errors. */
export interface PageWatch {
  cspViolations: string[];
  errors: string[];
}

export interface JourneyPage {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

export interface JourneyPageOptions {
  /** The window's size: a desktop's unless the journey is a phone's (`PHONE` from screenshots.ts). */
  viewport?: { width: number; height: number };
  /** Granted to the service's origin without a prompt, as a person who said yes before (e.g. `camera`). */
  permissions?: string[];
  /** Runs in the page before the application's own scripts (e.g. to record the camera streams it opens). */
  initScript?: () => void;
}

function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { cspViolations: [], errors: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) watch.cspViolations.push(text);
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  return watch;
}

/**
 * A fresh browser context on the service, as a person in France sees it (French, Paris time), and its page,
 * watched from the first request so that the journey can assert nothing went wrong (`expectCleanPage`).
 */
export async function openJourneyPage(browser: Browser, server: BrowserServer, options: JourneyPageOptions = {}): Promise<JourneyPage> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: options.viewport ?? DESKTOP,
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: server.baseUrl });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  return { context, page, watch: watchPage(page) };
}

/** No journey may trip the Content-Security-Policy or throw in the page. */
export function expectCleanPage(watch: PageWatch): void {
  expect(watch.cspViolations).toEqual([]);
  expect(watch.errors).toEqual([]);
}

/** Fills the login form the page shows (`/connexion`) and sends it; where it lands is the caller's to check. */
export async function logInThroughForm(page: Page, user: Pick<SeededUser, 'email' | 'password'>): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * Follows a link of the main menu as a person does: when the link sits in a drop-down (a DSFR menu of the
 * navigation), the drop-down's button is pressed first.
 */
/**
 * Waits until DSFR's script has taken over every drop-down of the main menu (it marks each button it handles
 * with `data-fr-js-collapse-button`): the header is rebuilt for each space, and a click on a button the script
 * has not reached yet opens nothing.
 */
export async function waitForDsfrMenus(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.fr-nav__btn')).every((button) => button.hasAttribute('data-fr-js-collapse-button')),
  );
}

/** Opens a drop-down of the main menu by its button and waits until DSFR says it is open. */
export async function openMenuGroup(page: Page, button: Locator): Promise<void> {
  await waitForDsfrMenus(page);
  await button.click();
  await page.waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await button.elementHandle());
}

export async function followMenuLink(page: Page, name: string): Promise<void> {
  await waitForDsfrMenus(page);
  const navigation = page.getByRole('navigation', { name: 'Menu principal' });
  const named = { name, exact: true, includeHidden: true };
  const link = navigation.getByRole('link', named);
  await link.waitFor({ state: 'attached' });
  const dropDown = navigation
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', named) })
    .getByRole('button');
  if ((await dropDown.count()) > 0 && (await dropDown.getAttribute('aria-expanded')) !== 'true') await openMenuGroup(page, dropDown);
  await link.click();
}

/** Accepts the next confirmation the page asks (window.confirm) and gives its text, for the journey to check. */
export function acceptNextConfirmation(page: Page): Promise<string> {
  return new Promise((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
}
