import { addDays, endOfParisDay, parisToday } from '../src/common/time/paris-time';
import { redeemableUntilSql } from '../src/modules/expiry/expiry.rules';
import { voucherExpiresAt } from '../src/modules/programmes/programmes.rules';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, ReadyOrder } from './support/factories';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('Expiry: daily job, grace period, J-30 warnings and credit notes', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let otherFunder: LoggedIn;
  let withinGrace: ReadyOrder;
  let pastGrace: ReadyOrder;
  let noGrace: ReadyOrder;
  let soon: ReadyOrder;
  const today = parisToday(new Date());

  const statuses = async (order: ReadyOrder) => {
    const rows: { status: string; count: number }[] = await testApp.dataSource.query(
      `SELECT status, count(*)::int AS count FROM vouchers WHERE order_id = $1 GROUP BY status ORDER BY status`,
      [order.order.id],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  };
  const carnetStatuses = async (order: ReadyOrder) =>
    (await testApp.dataSource.query(`SELECT status FROM carnets WHERE order_id = $1 ORDER BY sequence`, [order.order.id])).map(
      (row: { status: string }) => row.status,
    );
  const runExpiry = async () => {
    const response = await http(testApp).post('/api/v1/expiry-runs').set(bearer(anct.token)).expect(202);
    return waitForJobRun(testApp, response.body.id);
  };

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    otherFunder = await funderManager(testApp, anct);
    const prescriber = await prescriberAgent(testApp, funder);
    const venue = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venue.organisationId);
    const now = Date.now();
    // Chèques expire at the end of their programme's last day, Paris time (voucherExpiresAt), and stay redeemable graceDays more days.
    const readyOrder = async (validUntil: string, graceDays: number, carnetCount: number) => {
      const programme = await createProgramme(testApp, { validUntil, graceDays });
      await enrolFunder(testApp, programme.id, funder.organisationId);
      return createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount });
    };
    withinGrace = await readyOrder(addDays(today, -31), 31, 1); // today is the last day of grace
    pastGrace = await readyOrder(addDays(today, -32), 31, 1); // grace ended yesterday
    noGrace = await readyOrder(addDays(today, -1), 0, 2);
    soon = await readyOrder(addDays(today, 20), 31, 3);

    // noGrace: carnet 1 issued with 2 chèques used; carnet 2 in stock with one chèque in opposition.
    await allocateCarnets(testApp, [noGrace.carnets[0].id], prescriber.organisationId);
    await markCarnetsIssued(testApp, [noGrace.carnets[0].id]);
    await redeemVouchers(
      testApp,
      noGrace.carnets[0].vouchers.slice(0, 2).map((v) => v.id),
      { venueId: venue.organisationId, scannedAt: new Date(now - DAY) },
    );
    await testApp.dataSource.query(
      `UPDATE vouchers SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'lost' WHERE id = $1`,
      [noGrace.carnets[1].vouchers[0].id],
    );
    // soon: carnet 1 in stock, carnet 2 issued and unused, carnet 3 issued and partly used.
    await allocateCarnets(testApp, [soon.carnets[1].id, soon.carnets[2].id], prescriber.organisationId);
    await markCarnetsIssued(testApp, [soon.carnets[1].id, soon.carnets[2].id]);
    await redeemVouchers(testApp, [soon.carnets[2].vouchers[0].id], { venueId: venue.organisationId });
  }, 60_000);
  afterAll(() => testApp.close());

  it('warns funders at J-30 of carnets still in stock or handed out but unused, on their own scope', async () => {
    const mine = await http(testApp).get('/api/v1/expiry-warnings').set(bearer(funder.token)).expect(200);
    expect(mine.body).toMatchObject({ total: 2, withinDays: 30 });
    expect(
      mine.body.items.map((w: { carnetNumber: string; carnetStatus: string; unusedVouchers: number; unusedValueCents: number }) => [
        w.carnetNumber,
        w.carnetStatus,
        w.unusedVouchers,
        w.unusedValueCents,
      ]),
    ).toEqual([
      [soon.carnets[0].number, 'in_stock', 5, 5000],
      [soon.carnets[1].number, 'issued', 5, 5000],
    ]);
    expect(mine.body.items[1].prescriberName).toBe('CCAS');
    expect(mine.body.items[0]).toMatchObject({
      expiresAt: endOfParisDay(addDays(today, 20)).toISOString(),
      redeemableUntil: endOfParisDay(addDays(today, 20 + 31)).toISOString(),
    });
    expect((await http(testApp).get('/api/v1/expiry-warnings?withinDays=10').set(bearer(funder.token)).expect(200)).body.total).toBe(0);
    expect((await http(testApp).get('/api/v1/expiry-warnings').set(bearer(otherFunder.token)).expect(200)).body.total).toBe(0);
    await http(testApp).get(`/api/v1/expiry-warnings?funderId=${funder.organisationId}`).set(bearer(otherFunder.token)).expect(404);
    expect(
      (await http(testApp).get(`/api/v1/expiry-warnings?funderId=${funder.organisationId}`).set(bearer(anct.token)).expect(200)).body.total,
    ).toBe(2);
  });

  it('expires chèques past validity + grace only, closes their carnets and writes one credit note per order', async () => {
    const summary = await runExpiry();
    expect(summary).toEqual({
      vouchersExpired: 3 + 4 + 5,
      carnetsExpired: 2 + 1,
      ordersTouched: 2,
      creditNotes: 2,
      creditNoteCents: String(8000 + 5000),
    });

    expect(await statuses(withinGrace)).toEqual({ active: 5 });
    expect(await statuses(pastGrace)).toEqual({ expired: 5 });
    expect(await statuses(noGrace)).toEqual({ cancelled: 1, expired: 7, redeemed: 2 });
    expect(await statuses(soon)).toEqual({ active: 5, issued: 9, redeemed: 1 });
    expect(await carnetStatuses(noGrace)).toEqual(['expired', 'expired']);
    expect(await carnetStatuses(withinGrace)).toEqual(['in_stock']);

    const first = await http(testApp)
      .get('/api/v1/ledger/entries?kind=expired_value_credit_note&limit=1')
      .set(bearer(funder.token))
      .expect(200);
    const second = await http(testApp)
      .get('/api/v1/ledger/entries?kind=expired_value_credit_note&limit=1&offset=1')
      .set(bearer(funder.token))
      .expect(200);
    expect(second.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    const notes = [...first.body.items, ...second.body.items];
    const byOrder = Object.fromEntries(notes.map((entry: { orderId: string; amountCents: number }) => [entry.orderId, entry.amountCents]));
    // The credit note refunds the face value never used: expired and cancelled chèques.
    expect(byOrder).toEqual({ [noGrace.order.id]: 8000, [pastGrace.order.id]: 5000 });
    const audit = await http(testApp)
      .get(`/api/v1/audit-events?objectType=order&objectId=${noGrace.order.id}`)
      .set(bearer(anct.token))
      .expect(200);
    expect(audit.body.items.map((event: { action: string }) => event.action).sort()).toEqual([
      'order.credit_note_recorded',
      'order.vouchers_expired',
    ]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const ledgerBefore = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    expect(await runExpiry()).toEqual({ vouchersExpired: 0, carnetsExpired: 0, ordersTouched: 0, creditNotes: 0, creditNoteCents: '0' });
    expect(await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(ledgerBefore);
  });

  it('refuses a second credit note for an order at the database level', async () => {
    await expect(
      testApp.dataSource.query(
        `INSERT INTO ledger_entries (occurred_at, kind, amount_cents, order_id) VALUES (now(), 'expired_value_credit_note', 1, $1)`,
        [noGrace.order.id],
      ),
    ).rejects.toThrow(/uq_ledger_entries_credit_note_order/);
  });

  it.each([
    ['no grace', '2026-12-31', 0],
    ['31 days across the new year: 31/12 → 31/01', '2026-12-31', 31],
    ['across the spring DST change (29/03/2026)', '2026-03-20', 10],
    ['across the autumn DST change (25/10/2026)', '2026-10-20', 10],
    ['a leap day', '2028-02-20', 9],
  ])('redeemable until the end of the Paris day validUntil + graceDays, whole seconds (%s)', async (_label, validUntil, graceDays) => {
    // The one SQL expression the expiry job, the reconciliation and the redemption look-up share.
    const [row] = await testApp.dataSource.query(
      `SELECT ${redeemableUntilSql('v', 'p')} AS until FROM (SELECT $1::timestamptz AS expires_at) v, (SELECT $2::int AS grace_days) p`,
      [voucherExpiresAt(validUntil), graceDays],
    );
    expect(row.until.toISOString()).toBe(endOfParisDay(addDays(validUntil, graceDays)).toISOString());
    expect(row.until.getUTCMilliseconds()).toBe(0);
  });
});
