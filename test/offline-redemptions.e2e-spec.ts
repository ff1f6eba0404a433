import { randomUUID } from 'node:crypto';
import { anctAdmin, bearer, http, LoggedIn, tableCounts } from './support/actors';
import { createReadyOrder, type StockVoucher } from './support/factories';
import {
  issuedVouchers,
  type IssuedStock,
  qrOf,
  qualifiedVenue,
  randomUnknownCode,
  type ReadyVenue,
  redeemRequest,
  withTypo,
} from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('Offline scans settled at synchronisation', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let otherVenue: ReadyVenue;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
    [venue, otherVenue] = await Promise.all([qualifiedVenue(testApp, anct, '69387'), qualifiedVenue(testApp, anct, '69123')]);
    // Both venues have been qualified for three days, so scans from the last days are judged as qualified.
    await testApp.dataSource.query(
      `INSERT INTO venue_qualification_events (venue_id, decision, from_status, to_status, decided_at)
       SELECT id, 'qualify', 'pending', 'qualified', now() - interval '3 days' FROM organisations WHERE id = ANY($1)`,
      [[venue.venueId, otherVenue.venueId]],
    );
  });
  afterAll(() => testApp.close());

  /** Issued chèques handed out ten days ago (offline scans predate the moment the test created them). */
  async function handedOut(options: Parameters<typeof issuedVouchers>[2] = {}): Promise<IssuedStock> {
    const stock = await issuedVouchers(testApp, anct, options);
    await testApp.dataSource.query(`UPDATE vouchers SET issued_at = now() - interval '10 days' WHERE order_id = $1`, [stock.orderId]);
    return stock;
  }

  function sync(batch: object, key = randomUUID(), as: ReadyVenue = venue) {
    return http(testApp).post('/api/v1/redemptions/offline-batches').set(bearer(as.agent.token)).set('Idempotency-Key', key).send(batch);
  }

  it('accepts what was valid at scan time, reports every conflict with its reason, and a replay changes nothing', async () => {
    const stock = await handedOut({ carnetCount: 2, carnetSize: 10 });
    const [ok, takenElsewhere, twice, expiredSince, expiredBefore, cancelled, issuedLater, viaQr] = stock.vouchers;
    const outside = await handedOut({ funder: stock.funder, carnetCount: 1, carnetSize: 1, territoryDepartements: ['13'] });
    const notIssued = await createReadyOrder(testApp, {
      programme: stock.programme,
      funderId: stock.funder.organisationId,
      carnetCount: 1,
      carnetSize: 1,
    });
    await redeemRequest(testApp, otherVenue, [{ code: takenElsewhere.code }]).expect(201);
    await testApp.dataSource.query(`UPDATE programmes SET grace_days = 0 WHERE id = $1`, [stock.programme.id]);
    await testApp.dataSource.query(`UPDATE vouchers SET expires_at = now() - interval '1 hour' WHERE id = ANY($1)`, [
      [expiredSince.id, expiredBefore.id],
    ]);
    await testApp.dataSource.query(
      `UPDATE vouchers SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'perdu' WHERE id = $1`,
      [cancelled.id],
    );
    await testApp.dataSource.query(`UPDATE vouchers SET issued_at = now() - interval '1 hour' WHERE id = $1`, [issuedLater.id]);

    const scan = (voucher: Pick<StockVoucher, 'code'>, scannedAt: string, extra: object = {}) => ({
      code: voucher.code,
      scannedAt,
      serviceId: venue.serviceId,
      ...extra,
    });
    const qr = qrOf(testApp, viaQr, stock);
    const scans = [
      scan(ok, ago(2 * HOUR), { siteId: venue.siteId }),
      scan(takenElsewhere, ago(3 * HOUR)),
      scan(twice, ago(1 * HOUR)),
      scan(twice, ago(4 * HOUR)),
      scan(expiredSince, ago(2 * HOUR)),
      scan(expiredBefore, ago(HOUR / 2)),
      scan({ code: randomUnknownCode() }, ago(HOUR)),
      scan({ code: withTypo(ok.code) }, ago(HOUR)),
      { qr: qr.slice(0, -2) + (qr.endsWith('00') ? '11' : '00'), scannedAt: ago(HOUR), serviceId: venue.serviceId },
      scan(ok, new Date(Date.now() + HOUR).toISOString()),
      scan(ok, ago(8 * 24 * HOUR)),
      scan(cancelled, ago(HOUR)),
      scan(ok, ago(HOUR), { serviceId: otherVenue.serviceId }),
      scan(ok, ago(4 * 24 * HOUR)),
      scan(notIssued.carnets[0].vouchers[0], ago(HOUR)),
      scan(outside.vouchers[0], ago(HOUR)),
      scan(issuedLater, ago(2 * HOUR)),
      { qr, scannedAt: ago(HOUR), serviceId: venue.serviceId },
    ];
    const key = randomUUID();
    const response = await sync({ deviceId: 'tablette-1', scans }, key).expect(200);
    const outcome = response.body.items.map((item: { outcome: string; reason?: string }) => item.reason ?? item.outcome);
    expect(outcome).toEqual([
      'accepted',
      'ALREADY_REDEEMED',
      'ALREADY_REDEEMED', // the later scan of the same chèque: the earliest scan wins
      'accepted',
      'accepted', // valid when scanned, expired since
      'EXPIRED',
      'INVALID_CODE',
      'CHECK_CHARACTER_MISMATCH',
      'INVALID_SIGNATURE',
      'SCAN_IN_FUTURE',
      'SCAN_TOO_OLD',
      'CANCELLED',
      'UNKNOWN_SERVICE',
      'VENUE_NOT_QUALIFIED', // scanned before the venue was qualified
      'NOT_ISSUED',
      'OUTSIDE_TERRITORY',
      'NOT_ISSUED', // scanned before it was handed out
      'accepted',
    ]);
    expect(response.body).toMatchObject({ deviceId: 'tablette-1', acceptedCount: 4, conflictCount: 14, acceptedValueCents: 4000 });
    expect(response.body.items[1].details).toEqual({ redeemedAt: expect.any(String), redeemedHere: false });
    expect(response.body.items[2].details).toMatchObject({ redeemedHere: true, redemptionId: response.body.items[3].redemptionId });

    const [redemption] = await testApp.dataSource.query(`SELECT * FROM redemptions WHERE id = $1`, [response.body.items[0].redemptionId]);
    expect(redemption).toMatchObject({
      mode: 'offline',
      device_id: 'tablette-1',
      site_id: venue.siteId,
      offline_batch_id: response.body.batchId,
    });
    expect(redemption.scanned_at.toISOString()).toBe(scans[0].scannedAt);
    const [ledger] = await testApp.dataSource.query(`SELECT occurred_at, amount_cents FROM ledger_entries WHERE redemption_id = $1`, [
      redemption.id,
    ]);
    expect(ledger).toEqual({ occurred_at: redemption.scanned_at, amount_cents: '1000' });
    const [batch] = await testApp.dataSource.query(
      `SELECT item_count, accepted_count, accepted_value_cents, results FROM offline_batches WHERE id = $1`,
      [response.body.batchId],
    );
    expect(batch).toEqual({ item_count: 18, accepted_count: 4, accepted_value_cents: '4000', results: response.body.items });

    const before = await tableCounts(testApp);
    const replay = await sync({ deviceId: 'tablette-1', scans }, key).expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(response.body);
    expect(await tableCounts(testApp)).toEqual(before);

    // Re-sent under a new key (the device lost the answer and its key): no chèque is redeemed twice.
    const resent = await sync({ deviceId: 'tablette-1', scans }).expect(200);
    expect(resent.body.items.map((item: { outcome: string; reason?: string }) => item.reason ?? item.outcome)).toEqual(outcome);
    expect(
      resent.body.items
        .filter((item: { alreadyRecorded?: boolean }) => item.alreadyRecorded)
        .map((item: { redemptionId: string }) => item.redemptionId),
    ).toEqual(
      response.body.items
        .filter((item: { outcome: string }) => item.outcome === 'accepted')
        .map((item: { redemptionId: string }) => item.redemptionId),
    );
    const after = await tableCounts(testApp);
    expect({ redemptions: after.redemptions, ledger: after.ledger_entries }).toEqual({
      redemptions: before.redemptions,
      ledger: before.ledger_entries,
    });
  });

  it('keeps a venue under the programme’s offline ceiling, earliest scans first', async () => {
    const stock = await handedOut({ carnetCount: 1, carnetSize: 10 });
    await testApp.dataSource.query(`UPDATE programmes SET offline_value_ceiling_cents = 3000 WHERE id = $1`, [stock.programme.id]);
    const scans = stock.vouchers
      .slice(0, 5)
      .map((voucher, index) => ({ code: voucher.code, scannedAt: ago((5 - index) * HOUR), serviceId: venue.serviceId }));
    const first = await sync({ deviceId: 'tablette-2', scans: [...scans].reverse() }).expect(200);
    expect(first.body.items.map((item: { outcome: string; reason?: string }) => item.reason ?? item.outcome)).toEqual([
      'OFFLINE_CEILING_EXCEEDED',
      'OFFLINE_CEILING_EXCEEDED',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(first.body.items[0].details).toEqual({ remainingCents: 0 });

    const later = await sync({
      deviceId: 'tablette-3',
      scans: [{ code: stock.vouchers[5].code, scannedAt: ago(HOUR / 2), serviceId: venue.serviceId }],
    }).expect(200);
    expect(later.body.items[0].reason).toBe('OFFLINE_CEILING_EXCEEDED');
    // Online redemptions do not count against the offline ceiling.
    await redeemRequest(testApp, venue, [{ code: stock.vouchers[6].code }]).expect(201);

    const undone = first.body.items[4].redemptionId;
    await http(testApp).post(`/api/v1/redemptions/${undone}/cancel`).set(bearer(venue.agent.token)).send({ reason: 'Doublon' }).expect(200);
    const afterUndo = await sync({
      deviceId: 'tablette-3',
      scans: [{ code: stock.vouchers[5].code, scannedAt: ago(HOUR / 2), serviceId: venue.serviceId }],
    }).expect(200);
    expect(afterUndo.body.items[0].outcome).toBe('accepted');
  });

  it('lets the first valid redemption win when two venues synchronise the same chèque', async () => {
    const stock = await handedOut({ carnetCount: 1, carnetSize: 1 });
    const [voucher] = stock.vouchers;
    const batches = await Promise.all(
      [venue, otherVenue].map((as, index) =>
        sync(
          { deviceId: `borne-${index}`, scans: [{ code: voucher.code, scannedAt: ago(HOUR), serviceId: as.serviceId }] },
          randomUUID(),
          as,
        ).expect(200),
      ),
    );
    expect(batches.map((batch) => batch.body.items[0].reason ?? batch.body.items[0].outcome).sort()).toEqual([
      'ALREADY_REDEEMED',
      'accepted',
    ]);
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM redemptions WHERE voucher_id = $1`, [
      voucher.id,
    ]);
    expect(count).toBe(1);
  });

  it('refuses a batch without a key or with a scan that has both a code and a QR', async () => {
    await http(testApp)
      .post('/api/v1/redemptions/offline-batches')
      .set(bearer(venue.agent.token))
      .send({ deviceId: 'x', scans: [{ code: randomUnknownCode(), scannedAt: ago(HOUR), serviceId: venue.serviceId }] })
      .expect(400);
    const both = await sync({ deviceId: 'x', scans: [{ code: 'A', qr: 'B', scannedAt: ago(HOUR), serviceId: venue.serviceId }] }).expect(
      400,
    );
    expect(both.body.details.fields[0].field).toBe('scans.0');
  });
});
