import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrenchCsvRecords } from '../src/common/export/french-csv';
import { addDays, parisToday, startOfMonth, startOfParisDay } from '../src/common/time/paris-time';
import { voucherExpiresAt } from '../src/modules/programmes/programmes.rules';
import type { AnomalyKind } from '../src/modules/reconciliation/anomaly-kind';
import { defaultStatementPeriodEnd } from '../src/modules/reimbursements/statement-period.rules';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { approvedOrder, enrolViaApi, GeneratedCarnet, programmeViaApi, readyOrderViaApi, submittedOrder } from './support/orders';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const periodEnd = defaultStatementPeriodEnd(new Date());
const lastMonth = (hours: number) => new Date(startOfParisDay(addDays(startOfMonth(periodEnd), 4)).getTime() + hours * 3_600_000);

interface Anomaly {
  kind: AnomalyKind;
  objectType: string;
  objectId: string;
  related: Record<string, unknown>;
  expectedCents: string | null;
  actualCents: string | null;
  details: Record<string, unknown>;
}

type ReadyOrder = Awaited<ReturnType<typeof readyOrderViaApi>>;

/**
 * A clean money cycle through the API and the jobs (programmes, orders approved, paid and generated
 * by the worker, carnets allocated and handed to beneficiaries, chèques redeemed at three venues,
 * statements drawn up, one paid by SEPA, an order expired with its credit note, the State share
 * computed and partly paid) reconciles with no anomaly; then each kind of anomaly is injected in the
 * database and reported by the next run. Redemptions are written as the redemption feature writes
 * them (it has no endpoint yet).
 */
describe('Reconciliation', () => {
  let testApp: TestApp;
  let storageDir: string;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  const venues: LoggedIn[] = [];
  let programme: { id: string };
  let strictProgramme: { id: string };
  let main: ReadyOrder; // issued, redeemed at three venues
  let expired: ReadyOrder; // past validity, credited
  let opposed: ReadyOrder; // same programme, one chèque put in opposition before the end
  let stock: ReadyOrder; // in the funder's stock
  const statementOf: Record<number, string> = {};

  const readyOrder = (programmeId: string, body: Record<string, unknown>) => readyOrderViaApi(testApp, { anct, funder, programmeId }, body);

  /** Every carnet of a ready order allocated to the prescriber and handed to a beneficiary. */
  async function issuedOrder(programmeId: string, body: Record<string, unknown>): Promise<ReadyOrder> {
    const order = await readyOrder(programmeId, body);
    await http(testApp)
      .post('/carnets/allocations')
      .set(bearer(funder.token))
      .send({ prescriberId: prescriber.organisationId, count: order.carnets.length, orderId: order.order.id })
      .expect(201);
    for (const [index, carnet] of order.carnets.entries()) await handOut(carnet, `Personne ${String.fromCharCode(65 + index)}`);
    return order;
  }

  const handOut = (carnet: GeneratedCarnet, fullName: string) =>
    http(testApp)
      .post(`/carnets/${carnet.id}/issue`)
      .set(bearer(prescriber.token))
      .send({ firstName: 'Léa', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'employment', consent: true, person: { fullName, birthDate: '1970-05-04' } })
      .expect(201);

  /** Tests cannot wait for a programme to end: its last day moves back, and with it the expiry printed on its chèques. */
  async function endProgramme(programmeId: string, validUntil: string): Promise<void> {
    await testApp.dataSource.query(`UPDATE programmes SET valid_until = $2 WHERE id = $1`, [programmeId, validUntil]);
    await testApp.dataSource.query(`UPDATE vouchers v SET expires_at = $2 FROM orders o WHERE o.id = v.order_id AND o.programme_id = $1`, [
      programmeId,
      voucherExpiresAt(validUntil),
    ]);
  }

  async function reconcile(): Promise<{ summary: Record<string, unknown>; anomalies: Anomaly[] }> {
    const response = await http(testApp).post('/reconciliation-runs').set(bearer(anct.token)).expect(202);
    const summary = await waitForJobRun(testApp, response.body.id);
    const anomalies: Anomaly[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await http(testApp).get(`/reconciliation-runs/${response.body.id}/anomalies?limit=200&offset=${offset}`).set(bearer(anct.token)).expect(200);
      anomalies.push(...page.body.items);
      if (anomalies.length >= page.body.total) break;
    }
    return { summary, anomalies };
  }

  async function expectReported(kind: AnomalyKind, objectId: string, amounts?: { expectedCents: string | null; actualCents: string | null }) {
    const { anomalies } = await reconcile();
    const found = anomalies.filter((anomaly) => anomaly.kind === kind && anomaly.objectId === objectId);
    expect(found).toHaveLength(1);
    if (amounts) expect(found[0]).toMatchObject(amounts);
    return found[0];
  }

  const voucherOf = (order: ReadyOrder, carnet: number, position: number) => order.carnets[carnet].vouchers[position].id;
  const redemptionOf = async (voucherId: string): Promise<string> =>
    (await testApp.dataSource.query(`SELECT id FROM redemptions WHERE voucher_id = $1 AND cancelled_at IS NULL`, [voucherId]))[0].id;
  const insertLedger = (kind: string, amount: number, fields: Record<string, string | null>) => {
    const columns = Object.keys(fields);
    return testApp.dataSource.query(
      `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, ${columns.join(', ')}) VALUES (now(), $1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})`,
      [kind, amount, ...Object.values(fields)],
    );
  };

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pn-reconciliation-'));
    testApp = await createTestApp({ withWorker: true, settings: { STORAGE_DIR: storageDir } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    for (let i = 0; i < 3; i++) {
      const venue = await venueAgent(testApp, anct);
      await qualifyVenue(testApp, venue.organisationId);
      venues.push(venue);
    }
    const today = parisToday(new Date());
    const rules = { minimumOrderCents: 0, stateShareRateBp: 5000, validUntil: addDays(today, 365) };
    programme = await programmeViaApi(testApp, anct, { ...rules, graceDays: 31 });
    strictProgramme = await programmeViaApi(testApp, anct, { ...rules, graceDays: 0 });
    await enrolViaApi(testApp, anct, programme.id, funder.organisationId, 1_000_000);
    await enrolViaApi(testApp, anct, strictProgramme.id, funder.organisationId, 1_000_000);

    main = await issuedOrder(programme.id, { carnetCount: 3, carnetSize: 5 });
    // Scanned last month, so that this month's statement run has something to draw up.
    await redeemVouchers(testApp, [0, 1, 2, 3, 4, 5].map((i) => voucherOf(main, Math.floor(i / 5), i % 5)), { venueId: venues[0].organisationId, scannedAt: lastMonth(10) });
    await redeemVouchers(testApp, [voucherOf(main, 1, 1), voucherOf(main, 1, 2)], { venueId: venues[1].organisationId, scannedAt: lastMonth(11) });
    await redeemVouchers(testApp, [voucherOf(main, 1, 3), voucherOf(main, 1, 4)], { venueId: venues[2].organisationId, scannedAt: lastMonth(12) });
    expired = await issuedOrder(strictProgramme.id, { carnetCount: 1, carnetSize: 5 });
    await redeemVouchers(testApp, [voucherOf(expired, 0, 0)], { venueId: venues[0].organisationId, scannedAt: lastMonth(13) });
    opposed = await issuedOrder(strictProgramme.id, { carnetCount: 1, carnetSize: 5 });
    await http(testApp).post(`/vouchers/${opposed.carnets[0].vouchers[0].serial}/opposition`).set(bearer(prescriber.token)).send({ reason: 'stolen' }).expect(200);
    await endProgramme(strictProgramme.id, addDays(today, -2));
    stock = await readyOrder(programme.id, { carnetCount: 1, carnetSize: 5 });
    // Orders that never reach payment: dues reversed on cancellation, nothing written on rejection.
    const steps = { anct, funder, programmeId: programme.id };
    const cancelled = await approvedOrder(testApp, steps, { carnetCount: 1, carnetSize: 5 });
    await http(testApp).post(`/orders/${cancelled.id}/cancel`).set(bearer(funder.token)).send({ reason: 'Budget' }).expect(200);
    const rejected = await submittedOrder(testApp, steps, { carnetCount: 1, carnetSize: 5 });
    await http(testApp).post(`/orders/${rejected.id}/reject`).set(bearer(anct.token)).send({ reason: 'Hors règles' }).expect(200);

    // Statements for last month, one of them validated and paid by SEPA.
    const run = await http(testApp).post('/reimbursement-statement-runs').set(bearer(anct.token)).send({ periodEnd }).expect(202);
    expect(await waitForJobRun(testApp, run.body.id)).toMatchObject({ statementsCreated: 3, redemptionsClaimed: 11 });
    const statements = (await http(testApp).get('/reimbursement-statements').set(bearer(anct.token)).expect(200)).body.items;
    venues.forEach((venue, index) => (statementOf[index] = statements.find((s: { venueId: string }) => s.venueId === venue.organisationId).id));
    await http(testApp).post(`/reimbursement-statements/${statementOf[0]}/validate`).set(bearer(anct.token)).expect(200);
    await http(testApp).put(`/venues/${venues[0].organisationId}/bank-account`).set(bearer(venues[0].token)).send({ iban: 'FR7630006000011234567890189', holderName: 'EPN' }).expect(200);
    const batch = await http(testApp).post('/payment-batches').set(bearer(anct.token)).send({ statementIds: [statementOf[0]], requestedExecutionDate: today }).expect(201);
    await http(testApp).post(`/payment-batches/${batch.body.id}/confirm`).set(bearer(anct.token)).send({ paidOn: today }).expect(200);

    // Expiry (with the credit note), then the State share, partly paid.
    const expiry = await http(testApp).post('/expiry-runs').set(bearer(anct.token)).expect(202);
    expect(await waitForJobRun(testApp, expiry.body.id)).toMatchObject({ vouchersExpired: 4 + 4, creditNotes: 2, creditNoteCents: String(4000 + 5000) });
    const share = await http(testApp).post('/state-share-runs').set(bearer(anct.token)).expect(202);
    expect(await waitForJobRun(testApp, share.body.id)).toMatchObject({ pairs: 2, linesWritten: 2, netDeltaCents: String(5000 + 500) });
    await http(testApp)
      .post('/state-share-payments')
      .set(bearer(anct.token))
      .send({ programmeId: programme.id, funderId: funder.organisationId, amountCents: 2000, paidOn: today, reference: 'ETAT-1' })
      .expect(201);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('reports nothing on a clean data set', async () => {
    const { summary, anomalies } = await reconcile();
    expect(anomalies).toEqual([]);
    expect(summary).toMatchObject({ anomalies: 0, checks: 16 });
  });

  it('revokes the chèque put in opposition for offline verifiers, not the expired ones', async () => {
    const revoked: { serial: string }[] = await testApp.dataSource.query(
      `SELECT r.serial FROM voucher_revocations r JOIN vouchers v ON v.id = r.voucher_id WHERE v.order_id = ANY($1)`,
      [[expired.order.id, opposed.order.id]],
    );
    expect(revoked).toEqual([{ serial: opposed.carnets[0].vouchers[0].serial }]);
  });

  it('and the programme’s funding report tells the same cycle', async () => {
    const requested = await http(testApp).post('/funding-reports').set(bearer(anct.token)).send({ programmeId: programme.id }).expect(202);
    let status = requested.body.status;
    while (status !== 'ready') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await http(testApp).get(`/funding-reports/${requested.body.id}`).set(bearer(anct.token)).expect(200)).body.status;
      expect(status).not.toBe('failed');
    }
    const csv = await http(testApp).get(`/funding-reports/${requested.body.id}/summary.csv`).set(bearer(anct.token)).buffer(true).expect(200);
    const [whole] = parseFrenchCsvRecords(csv.text);
    expect(whole).toMatchObject({
      Niveau: 'Programme',
      'Chèques commandés': '20',
      'Valeur payée': '200,00',
      'Frais payés': '8,00',
      'Chèques en stock': '5',
      'Chèques distribués non utilisés': '5',
      'Chèques encaissés': '10',
      'Taux d’encaissement': '66,7%',
      'Carnets distribués': '3',
      'Personnes distinctes': '3',
      'Carnets sans identifiant de personne': '0',
      'Carnets au public cible': '3',
      'Minimum atteint': 'Oui',
      'Lieux actifs': '3',
      'Valeur encaissée': '100,00',
      'Valeur remboursée aux lieux': '60,00',
      'Valeur en attente de remboursement': '40,00',
      'Part de l’État due': '50,00',
      'Part de l’État versée': '20,00',
    });
  });

  it('order_payment_mismatch: a payment that does not match what was ordered', async () => {
    await insertLedger('funder_payment_received', 100, { order_id: main.order.id, funder_id: funder.organisationId });
    expect(main.order).toMatchObject({ faceValueTotalCents: '15000', feeCents: '600', totalDueCents: '15600' });
    await expectReported('order_payment_mismatch', main.order.id, { expectedCents: '15600', actualCents: '15700' });
  });

  it('order_due_mismatch: a fee in the ledger that the order does not carry', async () => {
    await insertLedger('operator_fee_due', 50, { order_id: stock.order.id, funder_id: funder.organisationId });
    await expectReported('order_due_mismatch', stock.order.id, { expectedCents: '5200', actualCents: '5250' });
  });

  it('order_stock_mismatch: fewer carnets generated than ordered', async () => {
    await testApp.dataSource.query(`UPDATE orders SET carnet_count = carnet_count + 1 WHERE id = $1`, [stock.order.id]);
    const anomaly = await expectReported('order_stock_mismatch', stock.order.id);
    expect(anomaly.details).toMatchObject({ carnetsOrdered: 2, carnetsGenerated: 1, vouchersOrdered: 10, vouchersGenerated: 5 });
  });

  it('voucher_carnet_state_mismatch: a chèque issued out of a carnet still in stock', async () => {
    const voucherId = voucherOf(stock, 0, 2);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'issued' WHERE id = $1`, [voucherId]);
    const anomaly = await expectReported('voucher_carnet_state_mismatch', voucherId);
    expect(anomaly.details).toMatchObject({ voucherStatus: 'issued', carnetStatus: 'in_stock' });
  });

  it('voucher_redemption_mismatch: a chèque marked redeemed without any redemption', async () => {
    const voucherId = voucherOf(main, 2, 0);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed' WHERE id = $1`, [voucherId]);
    const anomaly = await expectReported('voucher_redemption_mismatch', voucherId);
    expect(anomaly.details).toMatchObject({ voucherStatus: 'redeemed', activeRedemption: false });
  });

  it('voucher_in_two_statements: a chèque paid in one statement and claimed again in another', async () => {
    const voucherId = voucherOf(main, 1, 1); // in venue 1's statement
    await testApp.dataSource.query(`UPDATE redemptions SET cancelled_at = now() WHERE voucher_id = $1`, [voucherId]);
    await testApp.dataSource.query(
      `INSERT INTO redemptions (voucher_id, venue_id, funder_id, order_id, value_cents, service_category, mode, scanned_at, statement_id)
       SELECT id, $2, funder_id, order_id, face_value_cents, 'atelier_collectif', 'online', now(), $3 FROM vouchers WHERE id = $1`,
      [voucherId, venues[2].organisationId, statementOf[2]],
    );
    const anomaly = await expectReported('voucher_in_two_statements', voucherId);
    expect((anomaly.related.statementIds as string[]).sort()).toEqual([statementOf[1], statementOf[2]].sort());
  });

  it('statement_total_mismatch: a statement whose total is not the sum of its lines', async () => {
    await testApp.dataSource.query(`UPDATE reimbursement_statements SET total_cents = total_cents + 1000 WHERE id = $1`, [statementOf[1]]);
    // Venue 1's statement also lost a line to the cancellation above: 2 lines drawn up, 1 still active.
    await expectReported('statement_total_mismatch', statementOf[1], { expectedCents: '3000', actualCents: '1000' });
  });

  it('statement_payment_mismatch: a venue payment that does not match the paid statement', async () => {
    await insertLedger('venue_payment_made', 500, { statement_id: statementOf[0], venue_id: null });
    await expectReported('statement_payment_mismatch', statementOf[0], { expectedCents: '7000', actualCents: '7500' });
  });

  it('redemption_by_unqualified_venue: a scan before the venue was qualified', async () => {
    const venue = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venue.organisationId, new Date(Date.now() - DAY)); // registered the day before
    const [redemptionId] = await redeemVouchers(testApp, [voucherOf(main, 2, 1)], {
      venueId: venue.organisationId,
      scannedAt: new Date(Date.now() - 1.5 * DAY),
      recordedAt: new Date(),
    });
    const anomaly = await expectReported('redemption_by_unqualified_venue', redemptionId);
    expect(anomaly.details).toMatchObject({ statusAtScan: 'pending' });
  });

  it('redemption_after_expiry: a scan after validity and grace', async () => {
    const [redemptionId] = await redeemVouchers(testApp, [voucherOf(expired, 0, 1)], { venueId: venues[1].organisationId, recordedAt: new Date() });
    await expectReported('redemption_after_expiry', redemptionId, { expectedCents: null, actualCents: '1000' });
  });

  it('redemption_outside_territory: a chèque of a Paris-only order redeemed in the Rhône', async () => {
    const parisOnly = await issuedOrder(programme.id, { carnetCount: 1, carnetSize: 5, territoryDepartements: ['75'] });
    const [redemptionId] = await redeemVouchers(testApp, [voucherOf(parisOnly, 0, 0)], { venueId: venues[1].organisationId, recordedAt: new Date() });
    const anomaly = await expectReported('redemption_outside_territory', redemptionId);
    expect(anomaly.details).toMatchObject({ venueDepartement: '69', territoryDepartements: ['75'] });
  });

  it('redemption_ledger_mismatch: a redemption owed twice in the ledger', async () => {
    const redemptionId = await redemptionOf(voucherOf(main, 0, 3));
    await insertLedger('redemption_owed_to_venue', 1000, { redemption_id: redemptionId, venue_id: null });
    await expectReported('redemption_ledger_mismatch', redemptionId, { expectedCents: '1000', actualCents: '2000' });
  });

  it('venue_balance_mismatch: a venue payment outside any statement', async () => {
    await insertLedger('venue_payment_made', 700, { venue_id: venues[2].organisationId });
    const anomaly = await expectReported('venue_balance_mismatch', venues[2].organisationId);
    expect(anomaly.details).toMatchObject({ reimbursedCents: '700' });
  });

  it('credit_note_mismatch: a credit note that no longer matches the unused value', async () => {
    const [note] = await testApp.dataSource.query(`SELECT id FROM ledger_entries WHERE order_id = $1 AND kind = 'expired_value_credit_note'`, [expired.order.id]);
    await insertLedger('expired_value_credit_note', -100, { order_id: expired.order.id, reverses_entry_id: note.id });
    // 4 chèques expired, then one redeemed after expiry (above): 3 000 unused, 3 900 credited.
    await expectReported('credit_note_mismatch', expired.order.id, { expectedCents: '3000', actualCents: '3900' });
  });

  it('state_share_mismatch: State share due that does not follow the rule', async () => {
    await insertLedger('state_share_due', 123, { programme_id: programme.id, funder_id: funder.organisationId });
    await expectReported('state_share_mismatch', `${programme.id}:${funder.organisationId}`, { expectedCents: '5000', actualCents: '5123' });
  });

  it('state_share_overpaid: the State paid a funder more than is due', async () => {
    await insertLedger('state_share_paid', 600, { programme_id: strictProgramme.id, funder_id: funder.organisationId });
    await expectReported('state_share_overpaid', `${strictProgramme.id}:${funder.organisationId}`, { expectedCents: '500', actualCents: '600' });
  });

  it('never fixes what it finds, and answers unknown runs with 404', async () => {
    const before = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    await reconcile();
    expect(await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(before);
    await http(testApp).get('/reconciliation-runs/00000000-0000-4000-8000-000000000000/anomalies').set(bearer(anct.token)).expect(404);
    const list = await http(testApp).get('/reconciliation-runs').set(bearer(anct.token)).expect(200);
    expect(list.body.items.every((run: { kind: string }) => run.kind === 'reconciliation')).toBe(true);
  });
});
