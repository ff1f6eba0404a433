import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrenchCsv } from '../src/common/export/french-csv';
import { addDays, parisToday, startOfMonth, startOfParisDay } from '../src/common/time/paris-time';
import { defaultStatementPeriodEnd } from '../src/modules/reimbursements/statement-period.rules';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued } from './support/factories';
import { qualifyVenue, recordOrderMoney, redeemVouchers, waitForJobRun } from './support/money-factories';
import { createTestApp, TestApp } from './support/test-app';

const periodEnd = defaultStatementPeriodEnd(new Date());
const lastMonthDay = addDays(startOfMonth(periodEnd), 4);
const lastMonth = new Date(startOfParisDay(lastMonthDay).getTime() + 10 * 3_600_000);
const thisMonth = parisToday(new Date()).slice(0, 7);

/** Expected figures, in the report's order: counts, cents, ratios. */
interface Expected {
  level: string;
  code: string;
  label: string;
  counts: number[]; // carnets ordered, chèques ordered
  money: number[]; // value ordered, value paid, fees paid (cents)
  vouchers: number[]; // in stock, allocated, issued unused, redeemed, expired, cancelled, ever issued
  redemptionRate: number | null;
  carnets: number[]; // carnets issued, people, without person id, target public
  targetShare: number | null;
  targetMet: string;
  venues: number;
  value: number[]; // redeemed, reimbursed, pending, State share due, paid, credit notes (cents)
}

const euros = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const percent = (ratio: number | null) => (ratio === null ? '' : `${(ratio * 100).toFixed(1).replace('.', ',')}%`);

/** A row as the CSV must show it. */
function csvRow(e: Expected): string[] {
  return [
    e.level,
    e.code,
    e.label,
    ...e.counts.map(String),
    ...e.money.map(euros),
    ...e.vouchers.map(String),
    percent(e.redemptionRate),
    String(e.carnets[0]),
    String(e.carnets[1]),
    String(e.carnets[2]),
    String(e.carnets[3]),
    percent(e.targetShare),
    '50,0%',
    e.targetMet,
    String(e.venues),
    ...e.value.map(euros),
  ];
}

/** The same row as the XLSX must hold it: numbers, euros as euros, ratios as ratios. */
function xlsxRow(e: Expected): unknown[] {
  return [
    e.level,
    e.code || null,
    e.label,
    ...e.counts,
    ...e.money.map((c) => c / 100),
    ...e.vouchers,
    e.redemptionRate,
    ...e.carnets,
    e.targetShare,
    0.5,
    e.targetMet || null,
    e.venues,
    ...e.value.map((c) => c / 100),
  ];
}

/** The figures of one scope as the API answers them (FundingFiguresValuesDto). */
type FiguresValues = Record<string, number | boolean | null>;

/** The report's row a scope's live figures must equal: each figure in the column of the same meaning. */
function expectedFromFigures(level: string, code: string, label: string, v: FiguresValues): Expected {
  const n = (key: string) => v[key] as number;
  return {
    level,
    code,
    label,
    counts: [n('carnetsOrdered'), n('vouchersOrdered')],
    money: [n('valueOrderedCents'), n('valuePaidCents'), n('feesPaidCents')],
    vouchers: [
      'vouchersInStock',
      'vouchersAllocated',
      'vouchersIssued',
      'vouchersRedeemed',
      'vouchersExpired',
      'vouchersCancelled',
      'vouchersEverIssued',
    ].map(n),
    redemptionRate: v.redemptionRate as number | null,
    carnets: [n('carnetsIssued'), n('peopleReached'), n('carnetsWithoutPersonId'), n('carnetsTargetPublic')],
    targetShare: v.targetPublicShare as number | null,
    targetMet: v.targetPublicMinimumMet === null ? '' : v.targetPublicMinimumMet ? 'Oui' : 'Non',
    venues: n('venuesActive'),
    value: [
      'valueRedeemedCents',
      'valueReimbursedCents',
      'valuePendingCents',
      'stateShareDueCents',
      'stateSharePaidCents',
      'creditNoteCents',
    ].map(n),
  };
}

/** A month of the live funnel as the report's funnel CSV writes it. */
function funnelCsvRow(m: Record<string, number | string | null>): string[] {
  return [
    m.month as string,
    ...['carnetsOrdered', 'carnetsAllocated', 'carnetsIssued', 'carnetsFirstUse', 'carnetsAllUsed'].map((key) => String(m[key])),
    percent(m.firstUseRate as number | null),
    percent(m.allUsedRate as number | null),
    String(m.vouchersIssued),
    String(m.vouchersRedeemed),
  ];
}

describe('Funding reports', () => {
  let testApp: TestApp;
  let storageDir: string;
  let anct: LoggedIn;
  let rhone1: LoggedIn;
  let rhone2: LoggedIn;
  let isere: LoggedIn;
  let programmeId: string;
  let sirens: Record<string, string>;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pn-reports-'));
    testApp = await createTestApp({ withWorker: true, settings: { STORAGE_DIR: storageDir } });
    anct = await anctAdmin(testApp);
    rhone1 = await funderManager(testApp, anct, '69');
    rhone2 = await funderManager(testApp, anct, '69');
    isere = await funderManager(testApp, anct, '38');
    await testApp.dataSource.query(`UPDATE organisations SET name = 'Métropole de Lyon' WHERE id = $1`, [rhone1.organisationId]);
    await testApp.dataSource.query(`UPDATE organisations SET name = 'Département du Rhône' WHERE id = $1`, [rhone2.organisationId]);
    await testApp.dataSource.query(`UPDATE organisations SET name = 'Département de l’Isère' WHERE id = $1`, [isere.organisationId]);
    sirens = Object.fromEntries(
      (await testApp.dataSource.query(`SELECT id, siren FROM organisations WHERE kind = 'funder'`)).map(
        (row: { id: string; siren: string }) => [row.id, row.siren],
      ),
    );
    const prescriber1 = await prescriberAgent(testApp, rhone1);
    const prescriber2 = await prescriberAgent(testApp, rhone2);
    const v1 = await venueAgent(testApp, anct);
    const v2 = await venueAgent(testApp, anct);
    for (const venue of [v1, v2]) await qualifyVenue(testApp, venue.organisationId);
    const programme = await createProgramme(testApp, { graceDays: 0, name: 'Pass numérique', year: 2026 });
    programmeId = programme.id;
    for (const funder of [rhone1, rhone2, isere]) await enrolFunder(testApp, programme.id, funder.organisationId);

    // Métropole de Lyon: 4 carnets of 5, fee 8 €: one in stock, one allocated (one chèque blocked), two handed to the same person.
    const a = await createReadyOrder(testApp, { programme, funderId: rhone1.organisationId, carnetCount: 4, carnetSize: 5 });
    await testApp.dataSource.query(`UPDATE orders SET fee_cents = 800, total_due_cents = face_value_total_cents + 800 WHERE id = $1`, [
      a.order.id,
    ]);
    a.order.feeCents = '800';
    a.order.totalDueCents = '20800';
    await recordOrderMoney(testApp, a.order);
    const [c1, c2, c3, c4] = a.carnets;
    void c1;
    await allocateCarnets(testApp, [c2.id, c3.id, c4.id], prescriber1.organisationId);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [c2.vouchers[0].id]);
    await markCarnetsIssued(testApp, [c3.id], { person: 'Alice Martin', targetPublic: true, issuedAt: lastMonth });
    await markCarnetsIssued(testApp, [c4.id], { person: 'Alice Martin', targetPublic: false, issuedAt: lastMonth });
    await redeemVouchers(
      testApp,
      [...c3.vouchers.slice(0, 3), c4.vouchers[0]].map((v) => v.id),
      { venueId: v1.organisationId, scannedAt: lastMonth },
    );
    await redeemVouchers(
      testApp,
      c3.vouchers.slice(3).map((v) => v.id),
      { venueId: v2.organisationId, scannedAt: lastMonth },
    );

    // Département du Rhône: 2 carnets of 10 handed out this month (one person unidentified), and an order expired unissued.
    const b = await createReadyOrder(testApp, { programme, funderId: rhone2.organisationId, carnetCount: 2, carnetSize: 10 });
    await recordOrderMoney(testApp, b.order);
    await allocateCarnets(
      testApp,
      b.carnets.map((c) => c.id),
      prescriber2.organisationId,
    );
    await markCarnetsIssued(testApp, [b.carnets[0].id], { person: 'Bob Durand', targetPublic: true });
    await markCarnetsIssued(testApp, [b.carnets[1].id], { person: null, targetPublic: false });
    // Recorded two hours ago: the State share counts redemptions recorded up to a minute before it is computed.
    await redeemVouchers(testApp, [b.carnets[0].vouchers[0].id], {
      venueId: v2.organisationId,
      scannedAt: new Date(Date.now() - 2 * 3_600_000),
    });
    const c = await createReadyOrder(testApp, {
      programme,
      funderId: rhone2.organisationId,
      carnetCount: 1,
      carnetSize: 5,
      expiresAt: new Date(Date.now() - 86_400_000),
    });
    await recordOrderMoney(testApp, c.order);

    // Statements: venue 1's paid, venue 2's pending; expiry; State share computed, partly paid.
    const run = await http(testApp).post('/api/v1/reimbursement-statement-runs').set(bearer(anct.token)).send({ periodEnd }).expect(202);
    await waitForJobRun(testApp, run.body.id);
    const [statement] = (
      await http(testApp).get(`/api/v1/reimbursement-statements?venueId=${v1.organisationId}`).set(bearer(anct.token)).expect(200)
    ).body.items;
    await http(testApp).post(`/api/v1/reimbursement-statements/${statement.id}/validate`).set(bearer(anct.token)).expect(200);
    await http(testApp)
      .put(`/api/v1/venues/${v1.organisationId}/bank-account`)
      .set(bearer(v1.token))
      .send({ iban: 'FR7630006000011234567890189', holderName: 'EPN' })
      .expect(200);
    const today = parisToday(new Date());
    const batch = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [statement.id], requestedExecutionDate: today })
      .expect(201);
    await http(testApp)
      .post(`/api/v1/payment-batches/${batch.body.id}/confirm`)
      .set(bearer(anct.token))
      .send({ paidOn: today })
      .expect(200);
    await waitForJobRun(testApp, (await http(testApp).post('/api/v1/expiry-runs').set(bearer(anct.token)).expect(202)).body.id);
    await waitForJobRun(testApp, (await http(testApp).post('/api/v1/state-share-runs').set(bearer(anct.token)).expect(202)).body.id);
    await http(testApp)
      .post('/api/v1/state-share-payments')
      .set(bearer(anct.token))
      .send({ programmeId, funderId: rhone1.organisationId, amountCents: 1000, paidOn: today, reference: 'ETAT-2026-1' })
      .expect(201);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  async function buildReport(token: string, body: object): Promise<string> {
    const response = await http(testApp).post('/api/v1/funding-reports').set(bearer(token)).send(body).expect(202);
    for (let i = 0; i < 300; i++) {
      const report = (await http(testApp).get(`/api/v1/funding-reports/${response.body.id}`).set(bearer(token)).expect(200)).body;
      if (report.status === 'ready') {
        // Its files are downloads under the API, never where the storage keeps them.
        expect(report).toMatchObject({
          summaryCsvUrl: `/api/v1/funding-reports/${report.id}/summary.csv`,
          funnelCsvUrl: `/api/v1/funding-reports/${report.id}/funnel.csv`,
          xlsxUrl: `/api/v1/funding-reports/${report.id}/report.xlsx`,
        });
        expect(report.summaryCsvPath).toBeUndefined();
        return report.id;
      }
      if (report.status === 'failed') throw new Error(report.error);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('report not ready');
  }

  async function download(token: string, id: string, file: string) {
    const response = await http(testApp)
      .get(`/api/v1/funding-reports/${id}/${file}`)
      .set(bearer(token))
      .buffer(true)
      .parse((stream, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    // The files hold figures of one funder: no shared cache may keep them.
    expect(response.headers['cache-control']).toBe('no-store');
    return response.body as Buffer;
  }

  async function sheet(buffer: Buffer, name: string): Promise<unknown[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  const expectedRows = (): Expected[] => {
    const lyon: Expected = {
      level: 'Financeur',
      code: sirens[rhone1.organisationId],
      label: 'Métropole de Lyon',
      counts: [4, 20],
      money: [20000, 20000, 800],
      vouchers: [5, 4, 4, 6, 0, 1, 10],
      redemptionRate: 0.6,
      carnets: [2, 1, 0, 1],
      targetShare: 0.5,
      targetMet: 'Oui',
      venues: 2,
      value: [6000, 4000, 2000, 3000, 1000, 0],
    };
    const rhone: Expected = {
      level: 'Financeur',
      code: sirens[rhone2.organisationId],
      label: 'Département du Rhône',
      counts: [3, 25],
      money: [25000, 25000, 0],
      vouchers: [0, 0, 19, 1, 5, 0, 20],
      redemptionRate: 0.05,
      carnets: [2, 1, 1, 1],
      targetShare: 0.5,
      targetMet: 'Oui',
      venues: 1,
      value: [1000, 0, 1000, 500, 0, 5000],
    };
    const isereRow: Expected = {
      level: 'Financeur',
      code: sirens[isere.organisationId],
      label: 'Département de l’Isère',
      counts: [0, 0],
      money: [0, 0, 0],
      vouchers: [0, 0, 0, 0, 0, 0, 0],
      redemptionRate: null,
      carnets: [0, 0, 0, 0],
      targetShare: null,
      targetMet: '',
      venues: 0,
      value: [0, 0, 0, 0, 0, 0],
    };
    return [
      {
        level: 'Programme',
        code: '',
        label: 'Pass numérique (2026)',
        counts: [7, 45],
        money: [45000, 45000, 800],
        vouchers: [5, 4, 23, 7, 5, 1, 30],
        redemptionRate: 7 / 30,
        carnets: [4, 2, 1, 2],
        targetShare: 0.5,
        targetMet: 'Oui',
        venues: 2,
        value: [7000, 4000, 3000, 3500, 1000, 5000],
      },
      isereRow, // funders by name
      rhone,
      lyon,
      { ...isereRow, level: 'Département', code: '38', label: 'Département 38' },
      {
        level: 'Département',
        code: '69',
        label: 'Département 69',
        counts: [7, 45],
        money: [45000, 45000, 800],
        vouchers: [5, 4, 23, 7, 5, 1, 30],
        redemptionRate: 7 / 30,
        carnets: [4, 2, 1, 2],
        targetShare: 0.5,
        targetMet: 'Oui',
        venues: 2,
        value: [7000, 4000, 3000, 3500, 1000, 5000],
      },
    ];
  };

  it('gives ANCT the programme per funder and per département, with the same figures in CSV and XLSX', async () => {
    const id = await buildReport(anct.token, { programmeId });
    const csv = parseFrenchCsv(await download(anct.token, id, 'summary.csv'));
    expect(csv[0].slice(0, 4)).toEqual(['Niveau', 'Code', 'Libellé', 'Carnets commandés']);
    expect(csv.slice(1)).toEqual(expectedRows().map(csvRow));

    const workbook = await download(anct.token, id, 'report.xlsx');
    const rows = await sheet(workbook, 'Synthèse');
    expect(rows[0]).toEqual(csv[0]);
    const expected = expectedRows().map(xlsxRow);
    rows.slice(1).forEach((row, index) => {
      expected[index].forEach((value, column) => {
        if (typeof value === 'number') expect({ column, value: row[column] }).toEqual({ column, value: expect.closeTo(value, 10) });
        else expect({ column, value: row[column] ?? null }).toEqual({ column, value });
      });
    });

    const funnel = parseFrenchCsv(await download(anct.token, id, 'funnel.csv'));
    // The orders were approved and their carnets allocated this month; carnets were handed out last month and this month.
    expect(funnel).toEqual([
      [
        'Mois',
        'Carnets commandés',
        'Carnets attribués',
        'Carnets distribués',
        'Carnets avec un premier chèque encaissé',
        'Carnets entièrement utilisés',
        'Taux de premier usage',
        'Taux d’utilisation complète',
        'Chèques distribués',
        'Chèques encaissés',
      ],
      [lastMonthDay.slice(0, 7), '0', '0', '2', '2', '1', '100,0%', '50,0%', '10', '6'],
      [thisMonth, '7', '5', '2', '1', '0', '50,0%', '0,0%', '20', '1'],
    ]);
    expect((await sheet(workbook, 'Parcours')).slice(1)).toEqual([
      [lastMonthDay.slice(0, 7), 0, 0, 2, 2, 1, 1, 0.5, 10, 6],
      [thisMonth, 7, 5, 2, 1, 0, 0.5, 0, 20, 1],
    ]);
    expect((await sheet(workbook, 'À propos'))[2]).toEqual(['Périmètre', 'Tous les financeurs du programme']);
  });

  it('gives a funder its own scope only, and another funder’s report is not found', async () => {
    const id = await buildReport(rhone1.token, { programmeId });
    const csv = parseFrenchCsv(await download(rhone1.token, id, 'summary.csv'));
    expect(csv.slice(1)).toEqual([csvRow(expectedRows()[3])]);
    expect(parseFrenchCsv(await download(rhone1.token, id, 'funnel.csv')).slice(1)).toEqual([
      [lastMonthDay.slice(0, 7), '0', '0', '2', '2', '1', '100,0%', '50,0%', '10', '6'],
      [thisMonth, '4', '3', '0', '0', '0', '', '', '0', '0'],
    ]);

    await http(testApp).get(`/api/v1/funding-reports/${id}`).set(bearer(rhone2.token)).expect(404);
    await http(testApp).get(`/api/v1/funding-reports/${id}/summary.csv`).set(bearer(rhone2.token)).expect(404);
    await http(testApp).get(`/api/v1/funding-reports/${id}/report.xlsx`).set(bearer(rhone2.token)).expect(404);
    await http(testApp)
      .post('/api/v1/funding-reports')
      .set(bearer(rhone2.token))
      .send({ programmeId, funderId: rhone1.organisationId })
      .expect(404);
    expect((await http(testApp).get('/api/v1/funding-reports').set(bearer(rhone2.token)).expect(200)).body.total).toBe(0);
    // The programme-wide report is ANCT's only.
    const [programmeWide] = (
      await http(testApp).get(`/api/v1/funding-reports?programmeId=${programmeId}`).set(bearer(anct.token)).expect(200)
    ).body.items.filter((report: { funderId: string | null }) => report.funderId === null);
    await http(testApp).get(`/api/v1/funding-reports/${programmeWide.id}`).set(bearer(rhone1.token)).expect(404);
    await http(testApp).get(`/api/v1/funding-reports/${id}`).set(bearer(anct.token)).expect(200);
  });

  const figures = async (token: string, query: string, status = 200) =>
    (await http(testApp).get(`/api/v1/funding-figures?${query}`).set(bearer(token)).expect(status)).body;

  it('gives ANCT live figures equal to the programme report, line by line and month by month', async () => {
    const live = await figures(anct.token, `programmeId=${programmeId}`);
    const id = await buildReport(anct.token, { programmeId });
    const csv = parseFrenchCsv(await download(anct.token, id, 'summary.csv')).slice(1);
    const fromFigures = [
      expectedFromFigures('Programme', '', live.programmeLabel, live.totals),
      ...live.funders.map((f: FiguresValues & { siren: string; name: string }) => expectedFromFigures('Financeur', f.siren, f.name, f)),
      ...live.departements.map((d: FiguresValues & { departement: string; label: string }) =>
        expectedFromFigures('Département', d.departement, d.label, d),
      ),
    ];
    expect(fromFigures.map(csvRow)).toEqual(csv);
    // And they are the data set's figures, not merely equal to a report that could be wrong the same way.
    expect(fromFigures).toEqual(expectedRows());
    expect(parseFrenchCsv(await download(anct.token, id, 'funnel.csv')).slice(1)).toEqual(live.months.map(funnelCsvRow));
    expect(live).toMatchObject({
      programmeId,
      programmeLabel: 'Pass numérique (2026)',
      funderId: null,
      departement: null,
      scopeLabel: 'Pass numérique (2026)',
    });
    expect(live.totals.targetPublicMinRateBp).toBe(5000);
    expect(live.funders.map((f: { funderId: string; departement: string }) => [f.funderId, f.departement])).toEqual([
      [isere.organisationId, '38'],
      [rhone2.organisationId, '69'],
      [rhone1.organisationId, '69'],
    ]);
  });

  it('gives ANCT the figures of one département or one funder, equal to the report’s lines for them', async () => {
    const rows = expectedRows();
    const rhoneDepartement = await figures(anct.token, `programmeId=${programmeId}&departement=69`);
    expect(rhoneDepartement.scopeLabel).toBe('Département 69');
    expect(expectedFromFigures('Département', '69', 'Département 69', rhoneDepartement.totals)).toEqual(rows[5]);
    expect(rhoneDepartement.funders.map((f: { name: string }) => f.name)).toEqual(['Département du Rhône', 'Métropole de Lyon']);
    expect(rhoneDepartement.departements.map((d: { departement: string }) => d.departement)).toEqual(['69']);
    const isereDepartement = await figures(anct.token, `programmeId=${programmeId}&departement=38`);
    expect(expectedFromFigures('Département', '38', 'Département 38', isereDepartement.totals)).toEqual(rows[4]);
    expect(isereDepartement.months).toEqual([]);

    const lyon = await figures(anct.token, `programmeId=${programmeId}&funderId=${rhone1.organisationId}`);
    expect(lyon).toMatchObject({ funderId: rhone1.organisationId, scopeLabel: 'Métropole de Lyon', departements: [] });
    expect(expectedFromFigures('Financeur', sirens[rhone1.organisationId], 'Métropole de Lyon', lyon.totals)).toEqual(rows[3]);

    const both = await figures(anct.token, `programmeId=${programmeId}&funderId=${rhone1.organisationId}&departement=69`, 400);
    expect(both.code).toBe('VALIDATION_FAILED');
    await figures(anct.token, `programmeId=${programmeId}&departement=6`, 400);
    await figures(anct.token, 'programmeId=00000000-0000-4000-8000-000000000000', 404);
  });

  it('gives a funder the figures of its own territory only, equal to its own report', async () => {
    const own = await figures(rhone1.token, `programmeId=${programmeId}`);
    const id = await buildReport(rhone1.token, { programmeId });
    expect([csvRow(expectedFromFigures('Financeur', own.funders[0].siren, own.funders[0].name, own.totals))]).toEqual(
      parseFrenchCsv(await download(rhone1.token, id, 'summary.csv')).slice(1),
    );
    expect(parseFrenchCsv(await download(rhone1.token, id, 'funnel.csv')).slice(1)).toEqual(own.months.map(funnelCsvRow));
    expect(own).toMatchObject({ funderId: rhone1.organisationId, departement: null, departements: [] });
    expect(own.funders.map((f: { funderId: string }) => f.funderId)).toEqual([rhone1.organisationId]);
    expect(await figures(rhone1.token, `programmeId=${programmeId}&funderId=${rhone1.organisationId}`)).toEqual({
      ...own,
      asOf: expect.any(String),
    });

    // Another funder's figures, a département's, or a programme it is not enrolled in: nothing to see.
    const other = await figures(rhone1.token, `programmeId=${programmeId}&funderId=${rhone2.organisationId}`, 404);
    const missing = await figures(rhone1.token, `programmeId=${programmeId}&funderId=00000000-0000-4000-8000-000000000000`, 404);
    expect({ ...other, requestId: null }).toEqual({ ...missing, requestId: null });
    await figures(rhone1.token, `programmeId=${programmeId}&departement=69`, 400);
    const notEnrolled = await createProgramme(testApp, { name: 'Programme des autres', year: 2026 });
    await figures(rhone1.token, `programmeId=${notEnrolled.id}`, 404);
    await http(testApp).get(`/api/v1/funding-figures?programmeId=${programmeId}`).expect(401);
  });

  it('answers 409 while a report is not ready and 404 for an unknown programme', async () => {
    const [{ id }] = await testApp.dataSource.query(
      `INSERT INTO funding_reports (programme_id, funder_id, requested_by_organisation_id) VALUES ($1, $2, $2) RETURNING id`,
      [programmeId, rhone1.organisationId],
    );
    const queued = await http(testApp).get(`/api/v1/funding-reports/${id}`).set(bearer(rhone1.token)).expect(200);
    expect(queued.body).toMatchObject({ status: 'queued', summaryCsvUrl: null, funnelCsvUrl: null, xlsxUrl: null });
    const response = await http(testApp).get(`/api/v1/funding-reports/${id}/summary.csv`).set(bearer(rhone1.token)).expect(409);
    expect(response.body).toMatchObject({ code: 'REPORT_NOT_READY', details: { status: 'queued' } });
    await http(testApp)
      .post('/api/v1/funding-reports')
      .set(bearer(anct.token))
      .send({ programmeId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
  });

  it('answers a funder asking about a programme it is not enrolled in exactly like a missing programme', async () => {
    const other = await createProgramme(testApp, { name: 'Programme sans la Métropole', year: 2026 });
    const notEnrolled = await http(testApp)
      .post('/api/v1/funding-reports')
      .set(bearer(rhone1.token))
      .send({ programmeId: other.id })
      .expect(404);
    const missing = await http(testApp)
      .post('/api/v1/funding-reports')
      .set(bearer(rhone1.token))
      .send({ programmeId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect({ ...notEnrolled.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    expect(await testApp.dataSource.query(`SELECT 1 FROM funding_reports WHERE programme_id = $1`, [other.id])).toEqual([]);
  });
});
