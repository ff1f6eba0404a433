import { parisToday } from '../src/common/time/paris-time';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, ReadyOrder } from './support/factories';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { createTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;

describe('State share: ledger deltas, envelope cap, payments', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let otherFunder: LoggedIn;
  let venue: LoggedIn;
  let programmeId: string;
  let order: ReadyOrder;
  const voucherIds = () => order.carnets.flatMap((carnet) => carnet.vouchers.map((voucher) => voucher.id));

  const compute = async () =>
    waitForJobRun(testApp, (await http(testApp).post('/api/v1/state-share-runs').set(bearer(anct.token)).expect(202)).body.id);
  const dueLines = async () =>
    (
      await testApp.dataSource.query(
        `SELECT amount_cents::int AS amount FROM ledger_entries WHERE kind = 'state_share_due' AND funder_id = $1 ORDER BY id`,
        [funder.organisationId],
      )
    ).map((row: { amount: number }) => row.amount);
  const share = async (token: string) =>
    (await http(testApp).get(`/api/v1/state-share?programmeId=${programmeId}`).set(bearer(token)).expect(200)).body.items;

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    otherFunder = await funderManager(testApp, anct);
    const prescriber = await prescriberAgent(testApp, funder);
    venue = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venue.organisationId);
    const programme = await createProgramme(testApp, { stateShareRateBp: 5000 });
    programmeId = programme.id;
    await enrolFunder(testApp, programme.id, funder.organisationId, '4000'); // a 40 € envelope
    await enrolFunder(testApp, programme.id, otherFunder.organisationId);
    order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 2, carnetSize: 10 });
    await allocateCarnets(
      testApp,
      order.carnets.map((c) => c.id),
      prescriber.organisationId,
    );
    await markCarnetsIssued(
      testApp,
      order.carnets.map((c) => c.id),
    );
  }, 60_000);
  afterAll(() => testApp.close());

  it('records rate × value redeemed, then only the difference, and nothing when nothing changed', async () => {
    await redeemVouchers(testApp, voucherIds().slice(0, 3), { venueId: venue.organisationId, scannedAt: new Date(Date.now() - HOUR) });
    expect(await compute()).toMatchObject({ linesWritten: 1, netDeltaCents: '1500' });
    await redeemVouchers(testApp, voucherIds().slice(3, 5), { venueId: venue.organisationId, scannedAt: new Date(Date.now() - HOUR) });
    expect(await compute()).toMatchObject({ linesWritten: 1, netDeltaCents: '1000' });
    expect(await compute()).toMatchObject({ linesWritten: 0, netDeltaCents: '0' });
    expect(await dueLines()).toEqual([1500, 1000]);
  });

  it('counts a redemption recorded in the last minute next time, not twice, and says so', async () => {
    await redeemVouchers(testApp, [voucherIds()[5]], { venueId: venue.organisationId, scannedAt: new Date() });
    const settling = await compute();
    expect(settling).toMatchObject({ linesWritten: 0, settlingSeconds: 60, leftForNextRun: { redemptions: 1, valueCents: '1000' } });
    // The cut-off is the settling window before the run, and both are named for what they are.
    expect(Date.parse(settling.ranAt as string) - Date.parse(settling.countedUpTo as string)).toBe(60_000);
    const [waiting] = await share(funder.token);
    expect(waiting).toMatchObject({ redeemedValueCents: 6000, notYetCountedRedemptions: 1, notYetCountedValueCents: 1000 });
    expect(Date.parse(waiting.lastComputedAt) - Date.parse(waiting.countedUpTo)).toBeGreaterThanOrEqual(60_000);

    await testApp.dataSource.query(`UPDATE redemptions SET recorded_at = now() - interval '2 minutes' WHERE voucher_id = $1`, [
      voucherIds()[5],
    ]);
    expect(await compute()).toMatchObject({ linesWritten: 1, netDeltaCents: '500', leftForNextRun: { redemptions: 0, valueCents: '0' } });
    expect((await share(funder.token))[0]).toMatchObject({ notYetCountedRedemptions: 0, notYetCountedValueCents: 0 });
  });

  it('writes a negative line when a redemption is cancelled', async () => {
    await testApp.dataSource.query(
      `UPDATE redemptions SET cancelled_at = now() - interval '2 minutes', cancellation_reason = 'Erreur de saisie' WHERE voucher_id = $1`,
      [voucherIds()[0]],
    );
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'issued', redeemed_at = NULL WHERE id = $1`, [voucherIds()[0]]);
    expect(await compute()).toMatchObject({ linesWritten: 1, netDeltaCents: '-500' });
    expect(await dueLines()).toEqual([1500, 1000, 500, -500]);
  });

  it('never goes beyond the funder’s envelope', async () => {
    await redeemVouchers(testApp, voucherIds().slice(6, 12), { venueId: venue.organisationId, scannedAt: new Date(Date.now() - HOUR) });
    // 11 chèques redeemed = 110 €, half is 55 €, the envelope is 40 €.
    expect(await compute()).toMatchObject({ linesWritten: 1, netDeltaCents: '1500' });
    const [line] = await share(funder.token);
    expect(line).toMatchObject({
      rateBp: 5000,
      capCents: 4000,
      redeemedValueCents: 11000,
      dueNowCents: 4000,
      dueRecordedCents: 4000,
      paidCents: 0,
      outstandingCents: 4000,
    });
  });

  it('lets ANCT record payments up to what is due, and shows each funder its own line only', async () => {
    const today = parisToday(new Date());
    const pay = (amountCents: number) =>
      http(testApp)
        .post('/api/v1/state-share-payments')
        .set(bearer(anct.token))
        .send({ programmeId, funderId: funder.organisationId, amountCents, paidOn: today, reference: 'MANDAT-1' });
    const tooMuch = await pay(4001).expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'STATE_SHARE_PAYMENT_EXCEEDS_DUE', details: { outstandingCents: 4000 } });
    expect((await pay(2500).expect(201)).body).toMatchObject({ paidCents: 2500, outstandingCents: 1500 });
    await pay(1501).expect(422);
    await http(testApp)
      .post('/api/v1/state-share-payments')
      .set(bearer(funder.token))
      .send({ programmeId, funderId: funder.organisationId, amountCents: 1, paidOn: today, reference: 'X' })
      .expect(403);

    expect((await share(otherFunder.token)).map((line: { funderId: string }) => line.funderId)).toEqual([otherFunder.organisationId]);
    expect((await share(anct.token)).map((line: { funderId: string }) => line.funderId).sort()).toEqual(
      [funder.organisationId, otherFunder.organisationId].sort(),
    );
    const firstPage = (
      await http(testApp).get(`/api/v1/state-share?programmeId=${programmeId}&limit=1`).set(bearer(anct.token)).expect(200)
    ).body;
    expect(firstPage).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(firstPage.items).toHaveLength(1);
    const balances = (await http(testApp).get(`/api/v1/ledger/balances?programmeId=${programmeId}`).set(bearer(funder.token)).expect(200))
      .body;
    expect(balances.balances.stateShareOutstandingCents).toBe(1500);
  });
});
