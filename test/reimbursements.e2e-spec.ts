import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentedColumns } from '../src/common/docs/documented-columns';
import { parseFrenchCsvRecords } from '../src/common/export/french-csv';
import { addDays, parisToday, startOfMonth, startOfParisDay } from '../src/common/time/paris-time';
import { JobRunsRepository } from '../src/modules/job-runs/job-runs.repository';
import { defaultStatementPeriodEnd } from '../src/modules/reimbursements/statement-period.rules';
import { StatementsService } from '../src/modules/reimbursements/statements.service';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, ReadyOrder } from './support/factories';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { createTestApp, TestApp } from './support/test-app';

const VALID_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';
const LONG_FUNDER_NAME = 'Communauté d’agglomération du Grand Besançon Métropole et Syndicat mixte Doubs Très Haut Débit';
const periodEnd = defaultStatementPeriodEnd(new Date());
/** Noon on the 10th of the month the default period covers. */
const inPeriod = (minutes = 0) => new Date(startOfParisDay(addDays(startOfMonth(periodEnd), 9)).getTime() + (12 * 60 + minutes) * 60_000);

describe('Reimbursement statements, bank details and SEPA payments', () => {
  let testApp: TestApp;
  let storageDir: string;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let venueA: LoggedIn;
  let venueB: LoggedIn;
  let order: ReadyOrder;

  /** Every chèque of the order, issued to beneficiaries. */
  const vouchers = () => order.carnets.flatMap((carnet) => carnet.vouchers);

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pn-statements-'));
    testApp = await createTestApp({ withWorker: true, settings: { STORAGE_DIR: storageDir } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    const prescriber = await prescriberAgent(testApp, funder);
    venueA = await venueAgent(testApp, anct);
    venueB = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venueA.organisationId);
    await qualifyVenue(testApp, venueB.organisationId);
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 4, carnetSize: 5 });
    const carnetIds = order.carnets.map((carnet) => carnet.id);
    await allocateCarnets(testApp, carnetIds, prescriber.organisationId);
    await markCarnetsIssued(testApp, carnetIds);
    // A long name, as real funders have: the statement prints it whole.
    await testApp.dataSource.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [funder.organisationId, LONG_FUNDER_NAME]);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('two overlapping runs never put a chèque in two statements, and the amounts are exact', async () => {
    const ids = vouchers().map((voucher) => voucher.id);
    await redeemVouchers(testApp, ids.slice(0, 7), {
      venueId: venueA.organisationId,
      scannedAt: inPeriod(),
      serviceCategory: 'first_steps',
    });
    await redeemVouchers(testApp, ids.slice(7, 10), { venueId: venueB.organisationId, scannedAt: inPeriod(30) });
    // Scanned after the period: left for the next statement.
    await redeemVouchers(testApp, ids.slice(10, 11), { venueId: venueA.organisationId, scannedAt: new Date() });

    const runs = testApp.app.get(JobRunsRepository);
    const service = testApp.app.get(StatementsService);
    const [runA, runB] = await Promise.all(
      ['a', 'b'].map((suffix) =>
        runs.insertQueued({
          kind: 'reimbursement_statements',
          trigger: 'manual',
          jobKey: `overlap-${suffix}`,
          parameters: { periodEnd },
          requestedByUserId: null,
        }),
      ),
    );
    // Hold venue A's redemptions so that both runs reach the claim and wait on the same rows: a true overlap.
    const blocker = testApp.dataSource.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM redemptions WHERE venue_id = $1 FOR UPDATE`, [venueA.organisationId]);
    const running = Promise.all([service.executeRun(runA), service.executeRun(runB)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [{ waiting }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    expect(waiting).toBe(2);
    await blocker.commitTransaction();
    await blocker.release();
    const summaries = await running;
    expect(summaries.reduce((sum, s) => sum + s.statementsCreated, 0)).toBe(2);
    expect(summaries.reduce((sum, s) => sum + s.redemptionsClaimed, 0)).toBe(10);

    const statements = await testApp.dataSource.query(
      `SELECT s.venue_id, s.redemption_count, s.total_cents::int AS total, s.period_end::text AS period_end,
              (SELECT count(*)::int FROM redemptions r WHERE r.statement_id = s.id) AS lines,
              (SELECT sum(value_cents)::int FROM redemptions r WHERE r.statement_id = s.id) AS lines_total
       FROM reimbursement_statements s ORDER BY s.redemption_count DESC`,
    );
    expect(statements).toEqual([
      { venue_id: venueA.organisationId, redemption_count: 7, total: 7000, period_end: periodEnd, lines: 7, lines_total: 7000 },
      { venue_id: venueB.organisationId, redemption_count: 3, total: 3000, period_end: periodEnd, lines: 3, lines_total: 3000 },
    ]);
    const [{ unclaimed }] = await testApp.dataSource.query(`SELECT count(*)::int AS unclaimed FROM redemptions WHERE statement_id IS NULL`);
    expect(unclaimed).toBe(1);
  });

  it('runs again through the API and the job without drawing up anything twice', async () => {
    const response = await http(testApp)
      .post('/api/v1/reimbursement-statement-runs')
      .set(bearer(anct.token))
      .send({ periodEnd })
      .expect(202);
    const summary = await waitForJobRun(testApp, response.body.id);
    expect(summary).toMatchObject({ periodEnd, statementsCreated: 0, redemptionsClaimed: 0 });
    await http(testApp)
      .post('/api/v1/reimbursement-statement-runs')
      .set(bearer(anct.token))
      .send({ periodEnd: parisToday(new Date()) })
      .expect(422);
  });

  it('lets a venue read its statement, PDF and CSV with the right lines, and no other venue’s', async () => {
    const list = await http(testApp).get('/api/v1/reimbursement-statements').set(bearer(venueA.token)).expect(200);
    expect(list.body.total).toBe(1);
    const statement = list.body.items[0];
    expect(statement).toMatchObject({ status: 'draft', redemptionCount: 7, totalCents: 7000, periodEnd });
    // Its documents are downloads under the API, never where the storage keeps them.
    expect(statement).toMatchObject({
      pdfUrl: `/api/v1/reimbursement-statements/${statement.id}/statement.pdf`,
      csvUrl: `/api/v1/reimbursement-statements/${statement.id}/statement.csv`,
    });
    expect(statement.pdfPath).toBeUndefined();
    await http(testApp).get(`/api/v1/reimbursement-statements/${statement.id}`).set(bearer(venueB.token)).expect(404);
    await http(testApp).get(`/api/v1/reimbursement-statements/${statement.id}/statement.csv`).set(bearer(venueB.token)).expect(404);

    const expectedSerials = vouchers()
      .slice(0, 7)
      .map((voucher) => voucher.serial)
      .sort();
    const csv = await http(testApp)
      .get(`/api/v1/reimbursement-statements/${statement.id}/statement.csv`)
      .set(bearer(venueA.token))
      .buffer(true)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const records = parseFrenchCsvRecords(csv.text);
    expect(records.map((record) => record['N° de chèque']).sort()).toEqual(expectedSerials);
    expect(records.every((record) => record['Montant'] === '10,00' && record['Service'] === 'Premiers pas avec le numérique')).toBe(true);
    expect(new Set(records.map((record) => record['Financeur']))).toEqual(new Set([LONG_FUNDER_NAME]));
    expect(Object.keys(records[0])).toEqual(documentedColumns('reimbursements-and-reports.md', '### Statement documents'));
    expect(records[0]['Date d’encaissement']).toMatch(/^10\/\d{2}\/\d{4} 12:00$/);

    const pdf = await http(testApp)
      .get(statement.pdfUrl)
      .set(bearer(venueA.token))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pdfPath = join(storageDir, 'check.pdf');
    writeFileSync(pdfPath, pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Relevé de contre-paiement');
    expect(text).toContain(statement.number);
    expect(text).toMatch(/Total du relevé\s+7 chèques\s+70,00 €/);
    // In drawing order, each cell's text whole (wrapped lines joined): French labels, nothing cut.
    const cells = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cells).not.toContain('…');
    expect(cells).not.toContain('first_steps');
    expect(cells).toContain('Date d’encaissement N° de chèque Service Financeur Montant');
    for (const serial of expectedSerials) expect(cells).toContain(`${serial} Premiers pas avec le numérique ${LONG_FUNDER_NAME} 10,00 €`);
    expect(cells).toContain(`${LONG_FUNDER_NAME} 7 chèques 70,00 €`);
  });

  it('validates a draft statement once (ANCT)', async () => {
    const [statement] = (
      await http(testApp)
        .get(`/api/v1/reimbursement-statements?status=draft&venueId=${venueA.organisationId}`)
        .set(bearer(anct.token))
        .expect(200)
    ).body.items;
    await http(testApp).post(`/api/v1/reimbursement-statements/${statement.id}/validate`).set(bearer(venueA.token)).expect(403);
    const validated = await http(testApp)
      .post(`/api/v1/reimbursement-statements/${statement.id}/validate`)
      .set(bearer(anct.token))
      .expect(200);
    expect(validated.body).toMatchObject({ status: 'validated' });
    const again = await http(testApp).post(`/api/v1/reimbursement-statements/${statement.id}/validate`).set(bearer(anct.token)).expect(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'validated' } });
  });

  it('checks bank details (mod 97), masks them in reads and in the audit trail', async () => {
    const url = `/api/v1/venues/${venueA.organisationId}/bank-account`;
    const bad = await http(testApp)
      .put(url)
      .set(bearer(venueA.token))
      .send({ iban: 'FR14 2004 1010 0505 0001 3M02 607', holderName: 'EPN' })
      .expect(422);
    expect(bad.body).toMatchObject({ code: 'INVALID_IBAN', details: { reason: 'CHECKSUM' } });
    await http(testApp).put(url).set(bearer(venueA.token)).send({ iban: VALID_IBAN, bic: 'BNPAFRP', holderName: 'EPN' }).expect(422);
    await http(testApp).put(url).set(bearer(venueA.token)).send({ iban: VALID_IBAN, holderName: '«»' }).expect(400);
    await http(testApp).put(url).set(bearer(venueB.token)).send({ iban: VALID_IBAN, holderName: 'EPN' }).expect(404);
    await http(testApp).get(url).set(bearer(anct.token)).expect(404);

    const saved = await http(testApp)
      .put(url)
      .set(bearer(venueA.token))
      .send({ iban: VALID_IBAN, bic: 'psstfrppsce', holderName: 'Espace numérique' })
      .expect(200);
    expect(saved.body).toMatchObject({ iban: 'FR14 **** **** **** **** ***2 606', bic: 'PSSTFRPPSCE', holderName: 'Espace numérique' });
    expect((await http(testApp).get(url).set(bearer(anct.token)).expect(200)).body.iban).toBe('FR14 **** **** **** **** ***2 606');
    const audit = await http(testApp)
      .get(`/api/v1/audit-events?objectType=venue_bank_account&objectId=${venueA.organisationId}`)
      .set(bearer(anct.token))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'venue_bank_account.registered',
      after: { iban: 'FR14 **** **** **** **** ***2 606' },
    });
    expect(JSON.stringify(audit.body)).not.toContain('20041010050500013M02606');
  });

  it('exports a pain.001.001.03 file for validated statements, then marks them paid with ledger lines', async () => {
    const statements = (await http(testApp).get('/api/v1/reimbursement-statements').set(bearer(anct.token)).expect(200)).body.items;
    const validated = statements.find((s: { status: string }) => s.status === 'validated');
    const draft = statements.find((s: { status: string }) => s.status === 'draft');
    const today = parisToday(new Date());

    const notPayable = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [validated.id, draft.id], requestedExecutionDate: today })
      .expect(409);
    expect(notPayable.body).toMatchObject({ code: 'STATEMENTS_NOT_PAYABLE', details: { statements: [{ id: draft.id, status: 'draft' }] } });
    await http(testApp).post(`/api/v1/reimbursement-statements/${draft.id}/validate`).set(bearer(anct.token)).expect(200);
    const missing = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [validated.id, draft.id], requestedExecutionDate: today })
      .expect(422);
    expect(missing.body).toMatchObject({ code: 'VENUE_BANK_ACCOUNT_MISSING', details: { venueIds: [venueB.organisationId] } });
    await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [validated.id], requestedExecutionDate: addDays(today, -1) })
      .expect(422);
    await http(testApp)
      .put(`/api/v1/venues/${venueB.organisationId}/bank-account`)
      .set(bearer(venueB.token))
      .send({ iban: 'DE89 3704 0044 0532 0130 00', holderName: 'Médiathèque « Œuvre » & Cie' })
      .expect(200);

    const created = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [validated.id, draft.id], requestedExecutionDate: today })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'exported', transferCount: 2, controlSumCents: 10000 });
    expect(created.body.xml).toBeUndefined();
    expect(created.body.sepaFileUrl).toBe(`/api/v1/payment-batches/${created.body.id}/sepa.xml`);
    const again = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [validated.id], requestedExecutionDate: today })
      .expect(409);
    expect(again.body.code).toBe('STATEMENTS_NOT_PAYABLE');

    const file = await http(testApp)
      .get(`/api/v1/payment-batches/${created.body.id}/sepa.xml`)
      .set(bearer(anct.token))
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => callback(null, text));
      })
      .expect(200);
    const xml = file.body as string;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      isArray: (name) => name === 'CdtTrfTxInf',
    });
    const document = parser.parse(xml).Document;
    expect(document['@xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    const initiation = document.CstmrCdtTrfInitn;
    expect(initiation.GrpHdr).toMatchObject({ MsgId: created.body.messageId, NbOfTxs: '2', CtrlSum: '100.00' });
    expect(initiation.PmtInf).toMatchObject({ NbOfTxs: '2', CtrlSum: '100.00', PmtMtd: 'TRF', ReqdExctnDt: today });
    expect(initiation.PmtInf.DbtrAcct.Id.IBAN).toBe('FR7630006000011234567890189');
    const transfers = initiation.PmtInf.CdtTrfTxInf;
    const byEndToEnd = Object.fromEntries(transfers.map((t: { PmtId: { EndToEndId: string } }) => [t.PmtId.EndToEndId, t]));
    expect(byEndToEnd[validated.number]).toMatchObject({
      Amt: { InstdAmt: { '#text': '70.00', '@Ccy': 'EUR' } },
      CdtrAcct: { Id: { IBAN: 'FR1420041010050500013M02606' } },
    });
    expect(byEndToEnd[draft.number]).toMatchObject({ Amt: { InstdAmt: { '#text': '30.00' } }, Cdtr: { Nm: 'Mediatheque OEuvre + Cie' } });
    const sum = transfers.reduce(
      (total: number, t: { Amt: { InstdAmt: { '#text': string } } }) => total + Number(t.Amt.InstdAmt['#text'].replace('.', '')),
      0,
    );
    expect(sum).toBe(10000);

    await http(testApp)
      .post(`/api/v1/payment-batches/${created.body.id}/confirm`)
      .set(bearer(anct.token))
      .send({ paidOn: addDays(today, 1) })
      .expect(422);
    const confirmed = await http(testApp)
      .post(`/api/v1/payment-batches/${created.body.id}/confirm`)
      .set(bearer(anct.token))
      .send({ paidOn: today, bankReference: 'VIR-42' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', paidOn: today, bankReference: 'VIR-42' });
    await http(testApp)
      .post(`/api/v1/payment-batches/${created.body.id}/confirm`)
      .set(bearer(anct.token))
      .send({ paidOn: today })
      .expect(409);
    await http(testApp).post(`/api/v1/payment-batches/${created.body.id}/cancel`).set(bearer(anct.token)).expect(409);

    const paid = (await http(testApp).get(`/api/v1/reimbursement-statements/${validated.id}`).set(bearer(venueA.token)).expect(200)).body;
    expect(paid).toMatchObject({ status: 'paid', paymentReference: 'VIR-42', paidOn: today, creditorIban: 'FR1420041010050500013M02606' });
    const balances = (await http(testApp).get('/api/v1/ledger/balances').set(bearer(venueA.token)).expect(200)).body;
    // Venue A: 8 chèques redeemed (7 in the paid statement, 1 after the period), 7 paid.
    expect(balances.totals).toEqual({ redemption_owed_to_venue: 8000, venue_payment_made: 7000 });
    expect(balances.balances.owedToVenuesCents).toBe(1000);
    const entries = (
      await http(testApp).get(`/api/v1/ledger/entries?kind=venue_payment_made&statementId=${draft.id}`).set(bearer(anct.token)).expect(200)
    ).body;
    expect(entries.items).toEqual([
      expect.objectContaining({ amountCents: 3000, venueId: venueB.organisationId, orderId: order.order.id, reference: 'VIR-42' }),
    ]);
    await http(testApp).get(`/api/v1/ledger/balances?venueId=${venueA.organisationId}`).set(bearer(venueB.token)).expect(404);
  });

  it('cancels an exported file, releasing its statements for another one', async () => {
    const ids = vouchers().map((voucher) => voucher.id);
    await redeemVouchers(testApp, ids.slice(11, 13), { venueId: venueB.organisationId, scannedAt: inPeriod(60) });
    const run = await http(testApp).post('/api/v1/reimbursement-statement-runs').set(bearer(anct.token)).send({ periodEnd }).expect(202);
    await waitForJobRun(testApp, run.body.id);
    const [statement] = (await http(testApp).get('/api/v1/reimbursement-statements?status=draft').set(bearer(anct.token)).expect(200)).body
      .items;
    expect(statement).toMatchObject({ venueId: venueB.organisationId, totalCents: 2000, redemptionCount: 2 });
    await http(testApp).post(`/api/v1/reimbursement-statements/${statement.id}/validate`).set(bearer(anct.token)).expect(200);
    const today = parisToday(new Date());
    const first = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [statement.id], requestedExecutionDate: today })
      .expect(201);
    await http(testApp).post(`/api/v1/payment-batches/${first.body.id}/cancel`).set(bearer(anct.token)).expect(200);
    const second = await http(testApp)
      .post('/api/v1/payment-batches')
      .set(bearer(anct.token))
      .send({ statementIds: [statement.id], requestedExecutionDate: today })
      .expect(201);
    expect(second.body.messageId).not.toBe(first.body.messageId);
    expect(
      (await http(testApp).get(`/api/v1/reimbursement-statements/${statement.id}`).set(bearer(anct.token)).expect(200)).body.paymentBatchId,
    ).toBe(second.body.id);
  });
});
