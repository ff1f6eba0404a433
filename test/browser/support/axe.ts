/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 levels A and AA, on which RGAA 4.1 is built. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The DSFR's script finishes the markup after React has rendered: on a wide screen, for instance, it takes
 * the header menu's dialog attributes away (its `aria-labelledby` is only valid while it is a dialog, on a
 * phone). Checked before that, a page fails for a state no person ever sees; so wait until the script has
 * started and taken over every modal (it marks each node it handles with `data-fr-js-<component>`).
 */
async function waitForDsfrScripts(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if (!document.documentElement.hasAttribute('data-fr-js')) return false;
    const modals = Array.from(document.querySelectorAll('.fr-modal'));
    const headerModals = Array.from(document.querySelectorAll('.fr-header__menu.fr-modal, .fr-header__search.fr-modal'));
    return (
      modals.every((modal) => modal.hasAttribute('data-fr-js-modal')) &&
      headerModals.every((modal) => modal.hasAttribute('data-fr-js-header-modal'))
    );
  });
  // The header modal's resize runs on the next animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP need not allow
 * it) and fails with one readable line per violation and element.
 */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  await waitForDsfrScripts(page);
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, WCAG_21_AA);
  if (violations.length === 0) return;
  const lines = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `- [${violation.impact}] ${violation.id}: ${violation.help} — ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  );
  throw new Error(
    `axe-core found ${violations.length} WCAG 2.1 A/AA rule(s) broken on "${pageName}" (${page.url()}):\n${lines.join('\n')}`,
  );
}
