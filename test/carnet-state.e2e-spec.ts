import { anctAdmin, bearer, http, LoggedIn } from './support/actors';
import type { StockVoucher } from './support/factories';
import { waitForJobRun } from './support/money-factories';
import { IssuedStock, issuedVouchers, qualifiedVenue, ReadyVenue, redeemRequest } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A carnet's final state follows from its chèques' states, whatever the order of events: redemptions
 * (`POST /redemptions`), oppositions of one chèque or of the carnet, expiry (the job), undo.
 */
describe('Carnet state from its chèques, whatever the order of events', () => {
  const CARNET_SIZE = 5;
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let stock: IssuedStock;
  let next = 0;

  /** A fresh carnet of the issued stock: its id and its chèques in order. */
  async function carnet(): Promise<{ id: string; vouchers: StockVoucher[] }> {
    const vouchers = stock.vouchers.slice(next * CARNET_SIZE, (next + 1) * CARNET_SIZE);
    next += 1;
    const [{ carnet_id: id }] = await testApp.dataSource.query(`SELECT carnet_id FROM vouchers WHERE id = $1`, [vouchers[0].id]);
    return { id, vouchers };
  }
  const carnetStatus = async (id: string): Promise<string> =>
    (await testApp.dataSource.query(`SELECT status FROM carnets WHERE id = $1`, [id]))[0].status;
  const voucherStatuses = async (id: string): Promise<string[]> =>
    (await testApp.dataSource.query(`SELECT status FROM vouchers WHERE carnet_id = $1 ORDER BY serial`, [id])).map(
      (row: { status: string }) => row.status,
    );
  const redeem = async (vouchers: StockVoucher[]): Promise<string[]> => {
    const response = await redeemRequest(
      testApp,
      venue,
      vouchers.map((voucher) => ({ code: voucher.code })),
    ).expect(201);
    return response.body.redemptions.map((redemption: { id: string }) => redemption.id);
  };
  const opposeVoucher = (voucher: StockVoucher) =>
    http(testApp).post(`/api/v1/vouchers/${voucher.serial}/opposition`).set(bearer(stock.funder.token)).send({ reason: 'stolen' });
  const opposeCarnet = (id: string) =>
    http(testApp).post(`/api/v1/carnets/${id}/opposition`).set(bearer(stock.funder.token)).send({ reason: 'lost' });
  /** Puts the carnet's chèques past their validity and grace, then runs the expiry job as the scheduler would. */
  const expire = async (id: string) => {
    await testApp.dataSource.query(`UPDATE programmes SET grace_days = 0 WHERE id = $1`, [stock.programme.id]);
    await testApp.dataSource.query(`UPDATE vouchers SET expires_at = now() - interval '1 day' WHERE carnet_id = $1`, [id]);
    const response = await http(testApp).post('/api/v1/expiry-runs').set(bearer(anct.token)).expect(202);
    await waitForJobRun(testApp, response.body.id);
  };

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true });
    anct = await anctAdmin(testApp);
    venue = await qualifiedVenue(testApp, anct, '69387', CARNET_SIZE);
    stock = await issuedVouchers(testApp, anct, { carnetCount: 8, carnetSize: CARNET_SIZE });
  }, 60_000);
  afterAll(() => testApp.close());

  it('redeem chèques 1–4, then oppose chèque 5: the carnet is used up, and a carnet opposition then cancels nothing (409)', async () => {
    const { id, vouchers } = await carnet();
    await redeem(vouchers.slice(0, 4));
    expect(await carnetStatus(id)).toBe('issued');
    const opposition = await opposeVoucher(vouchers[4]).expect(200);
    expect(opposition.body).toMatchObject({ status: 'cancelled', carnetStatus: 'fully_used' });
    expect(await carnetStatus(id)).toBe('fully_used');
    const refused = await opposeCarnet(id).expect(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'fully_used' } });
    expect(await carnetStatus(id)).toBe('fully_used');
    const audit = await testApp.dataSource.query(`SELECT action, before, after FROM audit_events WHERE object_id = $1 ORDER BY id`, [id]);
    expect(audit).toEqual([
      {
        action: 'carnet.fully_used',
        before: { status: 'issued' },
        after: { status: 'fully_used', reason: 'stolen', cause: 'no chèque left to use' },
      },
    ]);
  });

  it('oppose chèque 5, then redeem chèques 1–4: the same used-up carnet', async () => {
    const { id, vouchers } = await carnet();
    expect((await opposeVoucher(vouchers[4]).expect(200)).body.carnetStatus).toBe('issued');
    await redeem(vouchers.slice(0, 2));
    await redeem(vouchers.slice(2, 4));
    expect(await carnetStatus(id)).toBe('fully_used');
    expect(await voucherStatuses(id)).toEqual(['redeemed', 'redeemed', 'redeemed', 'redeemed', 'cancelled']);
  });

  it('opposing every chèque one by one cancels the carnet', async () => {
    const { id, vouchers } = await carnet();
    for (const voucher of vouchers) await opposeVoucher(voucher).expect(200);
    expect(await carnetStatus(id)).toBe('cancelled');
  });

  it.each([
    ['redeem, oppose, then expire', ['redeem', 'oppose', 'expire']],
    ['oppose, redeem, then expire', ['oppose', 'redeem', 'expire']],
  ] as const)('%s: the carnet expires', async (_label, events) => {
    const { id, vouchers } = await carnet();
    for (const event of events) {
      if (event === 'redeem') await redeem(vouchers.slice(0, 2));
      if (event === 'oppose') await opposeVoucher(vouchers[4]).expect(200);
      if (event === 'expire') await expire(id);
    }
    expect(await voucherStatuses(id)).toEqual(['redeemed', 'redeemed', 'expired', 'expired', 'cancelled']);
    expect(await carnetStatus(id)).toBe('expired');
  });

  it('a carnet opposition after partial use cancels the chèques left; the redeemed ones stay redeemed', async () => {
    const { id, vouchers } = await carnet();
    await redeem(vouchers.slice(0, 2));
    const opposition = await opposeCarnet(id).expect(200);
    expect(opposition.body).toMatchObject({ status: 'cancelled', cancelledVouchers: 3 });
    expect(await carnetStatus(id)).toBe('cancelled');
    expect(await voucherStatuses(id)).toEqual(['redeemed', 'redeemed', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('undoing a redemption of a used-up carnet opens it again; redeeming it again uses it up', async () => {
    const { id, vouchers } = await carnet();
    await opposeVoucher(vouchers[4]).expect(200);
    const [first] = await redeem(vouchers.slice(0, 2));
    await redeem(vouchers.slice(2, 4));
    expect(await carnetStatus(id)).toBe('fully_used');
    await http(testApp)
      .post(`/api/v1/redemptions/${first}/cancel`)
      .set(bearer(venue.agent.token))
      .send({ reason: 'Erreur de saisie' })
      .expect(200);
    expect(await carnetStatus(id)).toBe('issued');
    await redeem(vouchers.slice(0, 1));
    expect(await carnetStatus(id)).toBe('fully_used');
  });
});
