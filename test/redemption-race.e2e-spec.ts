import { randomUUID } from 'node:crypto';
import { anctAdmin, LoggedIn } from './support/actors';
import { issuedVouchers, listeningUrl, qualifiedVenue, type ReadyVenue } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const CHEQUES = 100;
const REQUESTS_PER_CHEQUE = 50;
/** Chèques raced at the same time: 2 × 50 requests in flight keeps the test quick on a small machine. */
const CHEQUES_AT_ONCE = 2;

describe('Single use under concurrency', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it(`${REQUESTS_PER_CHEQUE} parallel requests from two venues for each of ${CHEQUES} chèques: one redemption each, every other request 409 ALREADY_REDEEMED, sums exact`, async () => {
    const venues = await Promise.all([qualifiedVenue(testApp, anct, '69387'), qualifiedVenue(testApp, anct, '69381')]);
    const stock = await issuedVouchers(testApp, anct, { carnetCount: CHEQUES / 10, carnetSize: 10 });
    const baseUrl = await listeningUrl(testApp);
    const redeem = async (venue: ReadyVenue, code: string) => {
      const response = await fetch(`${baseUrl}/api/v1/redemptions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${venue.agent.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ serviceId: venue.serviceId, vouchers: [{ code }] }),
      });
      const body = (await response.json()) as { code?: string; totalValueCents: number; redemptions: { voucherId: string }[] };
      return { venueId: venue.venueId, status: response.status, body };
    };

    const outcomes: Awaited<ReturnType<typeof redeem>>[][] = [];
    for (let start = 0; start < CHEQUES; start += CHEQUES_AT_ONCE) {
      const group = stock.vouchers.slice(start, start + CHEQUES_AT_ONCE);
      outcomes.push(
        ...(await Promise.all(
          group.map((voucher) => Promise.all(Array.from({ length: REQUESTS_PER_CHEQUE }, (_, i) => redeem(venues[i % 2], voucher.code)))),
        )),
      );
    }

    const wonBy = new Map<string, number>();
    outcomes.forEach((responses, index) => {
      const won = responses.filter((response) => response.status === 201);
      const lost = responses.filter((response) => response.status !== 201);
      expect({ cheque: index, won: won.length }).toEqual({ cheque: index, won: 1 });
      expect(new Set(lost.map((response) => `${response.status} ${response.body.code}`))).toEqual(new Set(['409 ALREADY_REDEEMED']));
      expect(won[0].body.redemptions[0].voucherId).toBe(stock.vouchers[index].id);
      wonBy.set(won[0].venueId, (wonBy.get(won[0].venueId) ?? 0) + won[0].body.totalValueCents);
    });

    const perVoucher = await testApp.dataSource.query(
      `SELECT v.status, count(r.id)::int AS redemptions FROM vouchers v LEFT JOIN redemptions r ON r.voucher_id = v.id
        WHERE v.order_id = $1 GROUP BY v.id, v.status`,
      [stock.orderId],
    );
    expect(perVoucher).toHaveLength(CHEQUES);
    expect(perVoucher.every((row: { status: string; redemptions: number }) => row.status === 'redeemed' && row.redemptions === 1)).toBe(
      true,
    );

    const ledger: { venue_id: string; total: string; lines: number }[] = await testApp.dataSource.query(
      `SELECT venue_id, sum(amount_cents)::text AS total, count(*)::int AS lines FROM ledger_entries
        WHERE kind = 'redemption_owed_to_venue' AND order_id = $1 GROUP BY venue_id`,
      [stock.orderId],
    );
    expect(ledger.reduce((sum, row) => sum + row.lines, 0)).toBe(CHEQUES);
    expect(ledger.reduce((sum, row) => sum + Number(row.total), 0)).toBe(CHEQUES * 1000);
    for (const row of ledger) expect(Number(row.total)).toBe(wonBy.get(row.venue_id));
    const [{ audited }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS audited FROM audit_events WHERE action = 'voucher.redeemed' AND object_id IN (SELECT id::text FROM vouchers WHERE order_id = $1)`,
      [stock.orderId],
    );
    expect(audited).toBe(CHEQUES);
    // 5,000 requests: about 45 s on an idle 2-core machine, nearly three times that on a loaded one. This is a
    // test of single use, not of speed (the redemption benchmark is): the limit only catches a hang.
  }, 300_000);
});
