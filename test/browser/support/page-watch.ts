import type { Page } from 'playwright-core';

/**
 * Collects what the page reports as going wrong: Content-Security-Policy violations (the browser says
 * them in the console) and uncaught errors, so that a journey can assert there were none.
 */
export function watchPage(page: Page): { cspViolations: string[]; errors: string[] } {
  const watched = { cspViolations: [] as string[], errors: [] as string[] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) watched.cspViolations.push(text);
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  return watched;
}
