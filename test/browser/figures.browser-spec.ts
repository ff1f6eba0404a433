/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, hence the DOM types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { parseFrenchCsv } from '../../src/common/export/french-csv';
import { expectNoAxeViolations } from './support/axe';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { launchChromium } from './support/chromium';
import { type FiguresSeed, seedFigures } from './support/figures-seed';
import { expectCleanPage, followMenuLink, logInThroughForm, openJourneyPage, type PageWatch } from './support/journey';
import { takeScreenshots } from './support/screenshots';
import { seedUsers, type SeededUser, type SeededUsers } from './support/seed';

const JOURNEY_TIMEOUT = 240_000;
const SERVER_TIMEOUT = 600_000;

/** A cell as the report's CSV writes it: no thousands space, no € sign, "" for nothing to divide by. */
function normalise(text: string): string {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  return compact === '—' ? '' : compact;
}

/** The CSV's lines as objects keyed by the header row. */
function csvRecords(buffer: Buffer): { headers: string[]; records: Record<string, string>[] } {
  const [headers, ...rows] = parseFrenchCsv(buffer);
  return { headers: headers!, records: rows.map((row) => Object.fromEntries(headers!.map((header, index) => [header, row[index]!]))) };
}

/** "2026-11" as the page names the month. */
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

describe('Figures: the funder’s dashboard and ANCT’s national figures (Chromium)', () => {
  let server: BrowserServer;
  let browser: Browser;
  let users: SeededUsers;
  let seed: FiguresSeed;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    browser = await launchChromium();
    // The State share counts redemptions as soon as they are recorded, so the seed can compute it at once.
    server = await startBrowserServer({ STATE_SHARE_SETTLING_SECONDS: '0' });
    users = await seedUsers(server);
    seed = await seedFigures(server, users);
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

  async function api(method: string, path: string, user: SeededUser, body?: unknown): Promise<Response> {
    return fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${user.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** A funding report asked for and downloaded through the API, as software would. */
  async function reportThroughApi(user: SeededUser, body: object): Promise<{ summary: Buffer; funnel: Buffer }> {
    const requested = (await (await api('POST', '/funding-reports', user, body)).json()) as { id: string };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const report = (await (await api('GET', `/funding-reports/${requested.id}`, user)).json()) as {
        status: string;
        summaryCsvUrl: string;
        funnelCsvUrl: string;
      };
      if (report.status === 'ready') {
        const file = async (url: string) =>
          Buffer.from(await (await fetch(`${server.baseUrl}${url}`, { headers: { Authorization: `Bearer ${user.token}` } })).arrayBuffer());
        return { summary: await file(report.summaryCsvUrl), funnel: await file(report.funnelCsvUrl) };
      }
      if (report.status === 'failed' || Date.now() > deadline) throw new Error(`report ${requested.id}: ${report.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function login(user: SeededUser, landing: string): Promise<void> {
    await page.goto('/connexion');
    await logInThroughForm(page, user);
    await page.waitForURL(`**${landing}`);
  }

  async function openFromMenu(name: string, heading: string): Promise<void> {
    await followMenuLink(page, name);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Chiffres clés' }).waitFor();
  }

  /** The headline figures: each term and the value under it. */
  const keyFigures = () =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('main dt')].map((term) => [term.textContent!.trim(), term.nextElementSibling!.textContent!.trim()]),
      ),
    );

  /** A table's rows (header row first), found by its caption. */
  const tableRows = (caption: string) =>
    page
      .getByRole('table', { name: caption, exact: true })
      .evaluate((table) => [...(table as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim())));

  /** Every figure of `shown` that the report has a column for must be written the same; returns how many were compared. */
  function expectSameAsReport(shown: Record<string, string>, reportLine: Record<string, string>): number {
    const compared = Object.keys(shown).filter((label) => label in reportLine);
    expect(Object.fromEntries(compared.map((label) => [label, normalise(shown[label]!)]))).toEqual(
      Object.fromEntries(compared.map((label) => [label, reportLine[label]])),
    );
    return compared.length;
  }

  /** The page's two-column chart tables (label, value) as a record. */
  const chartTable = async (caption: string) =>
    Object.fromEntries((await tableRows(caption)).slice(1).map(([label, value]) => [label!, value!]));

  /** The funnel table equals the funnel file: same headers, same months, same figures. */
  async function expectFunnelAsReport(funnel: Buffer): Promise<void> {
    const [headers, ...rows] = await tableRows('Carnets par mois (données du graphique)');
    const file = parseFrenchCsv(funnel);
    expect(headers).toEqual(file[0]);
    expect(rows.map(([month, ...cells]) => [month, ...cells.map(normalise)])).toEqual(
      file.slice(1).map(([month, ...cells]) => [monthLabel(month!), ...cells]),
    );
    expect(rows.length).toBeGreaterThan(0);
  }

  it(
    'shows the funder the figures of its territory only, as charts with their tables, equal to the report it downloads from the page',
    async () => {
      await login(users.funder, '/financeur');
      await openFromMenu('Tableau de bord', 'Tableau de bord');
      const shown = await keyFigures();

      // The report, asked for on the page: its progress is said, then its files are downloaded with the session.
      await page.getByRole('button', { name: 'Préparer un bilan à jour' }).click();
      await page.getByRole('status').filter({ hasText: 'est prêt à télécharger' }).waitFor({ timeout: 120_000 });
      const download = async (name: RegExp): Promise<Buffer> => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
        return readFileSync((await (file as Download).path())!);
      };
      const summary = csvRecords(await download(/^Synthèse \(CSV\)/));
      const funnel = await download(/^Parcours par mois \(CSV\)/);

      // Its own line only: Rhône's, never Isère's.
      expect(summary.records.map((line) => [line['Niveau'], line['Libellé']])).toEqual([['Financeur', 'Département du Rhône']]);
      const line = summary.records[0]!;
      expect(expectSameAsReport(shown, line)).toBe(9);
      expect(expectSameAsReport(await chartTable('Chèques par état (données du graphique)'), line)).toBe(6);
      expect(expectSameAsReport(await chartTable('Montants (données du graphique)'), line)).toBe(8);
      await expectFunnelAsReport(funnel);
      // And they are the data set's: 15 chèques ordered (150 €), 10 handed out to 2 people, 8 redeemed, one carnet of two to the target public.
      expect(
        Object.fromEntries(
          [
            'Valeur commandée',
            'Taux d’encaissement',
            'Personnes distinctes',
            'Part du public cible',
            'Lieux actifs',
            'Part de l’État due',
            'Part de l’État versée',
          ].map((label) => [label, normalise(shown[label]!)]),
        ),
      ).toEqual({
        'Valeur commandée': '150,00',
        'Taux d’encaissement': '80,0%',
        'Personnes distinctes': '2',
        'Part du public cible': '50,0%',
        'Lieux actifs': '1',
        'Part de l’État due': '40,00',
        'Part de l’État versée': '15,00',
      });
      expect(await page.getByText('Isère').count()).toBe(0);
      // Nor through the API: another funder's figures are not found.
      expect(
        (await api('GET', `/funding-figures?programmeId=${seed.programmeId}&funderId=${seed.isere.organisationId}`, users.funder)).status,
      ).toBe(404);

      // The charts are images whose name sends to their table; colour comes with a pattern and a legend.
      const chart = page.getByRole('img', { name: 'Carnets par mois : graphique ; ses données sont dans le tableau qui suit.' });
      expect(await chart.getByRole('listitem').allTextContents()).toEqual([
        'Carnets commandés',
        'Carnets attribués',
        'Carnets distribués',
        'Carnets avec un premier chèque encaissé',
        'Carnets entièrement utilisés',
      ]);
      expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);

      await expectNoAxeViolations(page, 'financeur/tableau-de-bord');
      await takeScreenshots(page, 'financeur-tableau-de-bord');
      // Dark mode: DSFR's colours follow, the charts with them; still no contrast failure.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.documentElement.getAttribute('data-fr-theme') === 'dark');
      await expectNoAxeViolations(page, 'financeur/tableau-de-bord (sombre)');
      await takeScreenshots(page, 'financeur-tableau-de-bord-sombre');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'shows ANCT the programme, per funder and per département, equal to the programme report; one département on demand',
    async () => {
      await login(users.anct, '/anct');
      await openFromMenu('Chiffres nationaux', 'Chiffres nationaux');
      const report = await reportThroughApi(users.anct, { programmeId: seed.programmeId });
      const summary = csvRecords(report.summary);
      const lineOf = (level: string, label: string) =>
        summary.records.find((line) => line['Niveau'] === level && line['Libellé'] === label)!;

      const programmeLine = summary.records.find((line) => line['Niveau'] === 'Programme')!;
      expect(expectSameAsReport(await keyFigures(), programmeLine)).toBe(9);
      expect(expectSameAsReport(await chartTable('Montants (données du graphique)'), programmeLine)).toBe(8);
      await expectFunnelAsReport(report.funnel);
      for (const [caption, level, expectedNames] of [
        ['Chiffres par financeur', 'Financeur', ['Département de l’Isère', 'Département du Rhône']],
        ['Chiffres par département (des financeurs)', 'Département', ['Département 38', 'Département 69']],
      ] as const) {
        const [headers, ...rows] = await tableRows(caption);
        expect(rows.map((row) => row[0])).toEqual(expectedNames);
        for (const row of rows) {
          const shown = Object.fromEntries(headers!.slice(1).map((header, index) => [header, row[index + 1]!]));
          expect(expectSameAsReport(shown, lineOf(level, row[0]!))).toBe(12);
        }
      }
      await expectNoAxeViolations(page, 'anct/chiffres');
      await takeScreenshots(page, 'anct-chiffres-nationaux');

      // One département: the figures of its funders, equal to the report's line for it.
      await page.getByRole('combobox', { name: 'Département (des financeurs)' }).selectOption('38');
      await page.getByRole('button', { name: 'Afficher les chiffres' }).click();
      await page.getByText('Département 38 — ', { exact: false }).waitFor();
      expect(expectSameAsReport(await keyFigures(), lineOf('Département', 'Département 38'))).toBe(9);
      expect(normalise((await keyFigures())['Valeur commandée']!)).toBe('100,00');
      expect((await tableRows('Chiffres par financeur')).slice(1).map((row) => row[0])).toEqual(['Département de l’Isère']);
      await expectNoAxeViolations(page, 'anct/chiffres (département)');

      // A funder and a département together: said on the form, nothing asked.
      await page.getByRole('combobox', { name: 'Financeur', exact: true }).selectOption({ label: 'Département du Rhône' });
      await page.getByRole('button', { name: 'Afficher les chiffres' }).click();
      await page.getByText('Choisissez un financeur ou un département, pas les deux.').waitFor();
      expect(new URL(page.url()).searchParams.get('financeur')).toBeNull();
    },
    JOURNEY_TIMEOUT,
  );

  it('keeps the charts out of the venue counter’s download', () => {
    const assets = join(__dirname, '..', '..', 'web', 'dist', 'assets');
    const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
    // Static imports only (`from"./x.js"`, `import"./x.js"`): a space's chunk behind `import("./x.js")` is fetched when it is opened.
    const staticImports = (name: string) =>
      [...readFileSync(join(assets, name), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map((match) => match[1]!);
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      staticImports(name).forEach(visit);
    };
    visit(files.find((name) => name.startsWith('VenueRoutes-'))!);
    const withCharts = files.filter((name) => readFileSync(join(assets, name), 'utf8').includes('recharts-bar'));
    expect(withCharts.length).toBeGreaterThan(0);
    expect([...reached].filter((name) => withCharts.includes(name))).toEqual([]);
  });
});
