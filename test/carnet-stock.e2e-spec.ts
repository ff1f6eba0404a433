import type { ProgrammeEntity } from '../src/modules/programmes/programme.entity';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts } from './support/actors';
import { createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, ReadyOrder } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('Stock and allocation of carnets (funder → prescriber structures)', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let otherFunder: LoggedIn;
  let prescriber: LoggedIn;
  let secondPrescriber: LoggedIn;
  let foreignPrescriber: LoggedIn;
  let programme: ProgrammeEntity;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    otherFunder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    secondPrescriber = await prescriberAgent(testApp, funder);
    foreignPrescriber = await prescriberAgent(testApp, otherFunder);
    programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    await enrolFunder(testApp, programme.id, otherFunder.organisationId);
  });
  afterAll(() => testApp.close());

  const readyOrder = (carnetCount: number, funderId = funder.organisationId) =>
    createReadyOrder(testApp, { programme, funderId, carnetCount, carnetSize: 5 });
  const allocate = (body: object, as: LoggedIn = funder) =>
    http(testApp).post('/api/v1/carnets/allocations').set(bearer(as.token)).send(body);
  const takeBack = (body: object, as: LoggedIn = funder) => http(testApp).post('/api/v1/carnets/returns').set(bearer(as.token)).send(body);
  const numberOf = (order: ReadyOrder, sequence: number) => order.carnets[sequence - 1].number;

  async function statusesOf(
    order: ReadyOrder,
  ): Promise<Record<string, { carnet: string; prescriberId: string | null; vouchers: string[] }>> {
    const rows: Array<{ number: string; status: string; prescriber_id: string | null; vouchers: string[] }> =
      await testApp.dataSource.query(
        `SELECT c.number, c.status, c.prescriber_id, array_agg(v.status ORDER BY v.position) AS vouchers
         FROM carnets c JOIN vouchers v ON v.carnet_id = c.id WHERE c.order_id = $1 GROUP BY c.id`,
        [order.order.id],
      );
    return Object.fromEntries(
      rows.map((row) => [row.number, { carnet: row.status, prescriberId: row.prescriber_id, vouchers: [...new Set(row.vouchers)] }]),
    );
  }

  it('shows the funder its stock per order, and a prescriber only what it holds', async () => {
    const order = await readyOrder(12);
    const stock = await http(testApp).get('/api/v1/carnets/stock').set(bearer(funder.token)).expect(200);
    expect(stock.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id)).toMatchObject({
      orderNumber: order.order.number,
      carnetSize: 5,
      counts: { in_stock: 12, allocated: 0, issued: 0 },
    });
    const empty = await http(testApp).get('/api/v1/carnets/stock').set(bearer(prescriber.token)).expect(200);
    expect(empty.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id)).toBeUndefined();
    const theirs = await http(testApp).get('/api/v1/carnets/stock').set(bearer(otherFunder.token)).expect(200);
    expect(theirs.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id)).toBeUndefined();
  });

  it('allocates by count (lowest numbers first) and by range; chèques follow their carnet', async () => {
    const order = await readyOrder(20);
    const byCount = await allocate({ prescriberId: prescriber.organisationId, count: 8, orderId: order.order.id }).expect(201);
    expect(byCount.body).toEqual({
      prescriberId: prescriber.organisationId,
      count: 8,
      runs: [{ from: numberOf(order, 1), to: numberOf(order, 8), count: 8 }],
    });
    const byRange = await allocate({
      prescriberId: secondPrescriber.organisationId,
      fromNumber: numberOf(order, 11),
      toNumber: numberOf(order, 15),
    }).expect(201);
    expect(byRange.body.runs).toEqual([{ from: numberOf(order, 11), to: numberOf(order, 15), count: 5 }]);

    const statuses = await statusesOf(order);
    expect(statuses[numberOf(order, 1)]).toEqual({ carnet: 'allocated', prescriberId: prescriber.organisationId, vouchers: ['allocated'] });
    expect(statuses[numberOf(order, 9)]).toEqual({ carnet: 'in_stock', prescriberId: null, vouchers: ['active'] });
    expect(statuses[numberOf(order, 12)]).toEqual({
      carnet: 'allocated',
      prescriberId: secondPrescriber.organisationId,
      vouchers: ['allocated'],
    });

    const mine = await http(testApp)
      .get('/api/v1/carnets')
      .query({ orderId: order.order.id, limit: 200 })
      .set(bearer(prescriber.token))
      .expect(200);
    expect(mine.body.items.map((c: { number: string }) => c.number)).toEqual(order.carnets.slice(0, 8).map((c) => c.number));
    const funderStock = await http(testApp).get('/api/v1/carnets/stock').set(bearer(funder.token)).expect(200);
    expect(funderStock.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id).counts).toMatchObject({
      in_stock: 7,
      allocated: 13,
    });
    expect(funderStock.body.prescribers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          prescriberId: prescriber.organisationId,
          counts: expect.objectContaining({ allocated: expect.any(Number) }),
        }),
      ]),
    );
    const prescriberStock = await http(testApp).get('/api/v1/carnets/stock').set(bearer(secondPrescriber.token)).expect(200);
    expect(prescriberStock.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id).counts).toMatchObject({
      allocated: 5,
    });

    const events = await http(testApp)
      .get('/api/v1/audit-events')
      .query({ objectId: order.carnets[0].id })
      .set(bearer(anct.token))
      .expect(200);
    expect(events.body.items[0]).toMatchObject({
      action: 'carnet.allocated',
      actorUserId: funder.userId,
      before: { status: 'in_stock', prescriberId: null },
      after: { status: 'allocated', prescriberId: prescriber.organisationId, number: numberOf(order, 1) },
    });
  });

  it('moves all or nothing: a range with one carnet not in stock, or a count the stock cannot fill, changes nothing', async () => {
    const order = await readyOrder(10);
    await allocate({ prescriberId: prescriber.organisationId, fromNumber: numberOf(order, 4), toNumber: numberOf(order, 4) }).expect(201);
    const before = await statusesOf(order);
    const counts = await tableCounts(testApp);
    const overlap = await allocate({
      prescriberId: secondPrescriber.organisationId,
      fromNumber: numberOf(order, 1),
      toNumber: numberOf(order, 5),
    }).expect(409);
    expect(overlap.body).toMatchObject({ code: 'CARNETS_NOT_AVAILABLE', details: { requested: 5, available: 4 } });
    const beyond = await allocate({
      prescriberId: secondPrescriber.organisationId,
      fromNumber: numberOf(order, 9),
      toNumber: numberOf(order, 9).replace(/\d{6}$/, '000011'),
    }).expect(409);
    expect(beyond.body.details).toEqual({ requested: 3, available: 2 });
    const tooMany = await allocate({ prescriberId: secondPrescriber.organisationId, count: 10, orderId: order.order.id }).expect(422);
    expect(tooMany.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { requested: 10, available: 9 } });
    expect(await statusesOf(order)).toEqual(before);
    expect(await tableCounts(testApp)).toEqual(counts);
  });

  it('refuses structures and carnets of other funders, and malformed selections', async () => {
    const order = await readyOrder(3);
    const foreignOrder = await readyOrder(3, otherFunder.organisationId);
    await allocate({ prescriberId: foreignPrescriber.organisationId, count: 1 }).expect(404);
    await allocate({
      prescriberId: prescriber.organisationId,
      fromNumber: numberOf(foreignOrder, 1),
      toNumber: numberOf(foreignOrder, 2),
    }).expect(404);
    await allocate({ prescriberId: prescriber.organisationId, count: 1 }, prescriber).expect(403);
    const across = await allocate({
      prescriberId: prescriber.organisationId,
      fromNumber: numberOf(order, 1),
      toNumber: numberOf(foreignOrder, 2),
    }).expect(422);
    expect(across.body.code).toBe('INVALID_CARNET_RANGE');
    const both = await allocate({
      prescriberId: prescriber.organisationId,
      count: 1,
      fromNumber: numberOf(order, 1),
      toNumber: numberOf(order, 2),
    }).expect(400);
    expect(both.body.code).toBe('VALIDATION_FAILED');
    await allocate({ prescriberId: prescriber.organisationId, count: 0 }).expect(400);
    await allocate({ prescriberId: prescriber.organisationId, fromNumber: '2026-1-1', toNumber: '2026-1-2' }).expect(400);
    expect(Object.values(await statusesOf(order)).map((s) => s.carnet)).toEqual(['in_stock', 'in_stock', 'in_stock']);
  });

  it('takes unissued carnets back into stock and allocates them again; issued ones stay with the beneficiary', async () => {
    const order = await readyOrder(10);
    await allocate({ prescriberId: prescriber.organisationId, count: 10, orderId: order.order.id }).expect(201);
    await markCarnetsIssued(testApp, [order.carnets[2].id]);

    const refused = await takeBack({
      prescriberId: prescriber.organisationId,
      fromNumber: numberOf(order, 1),
      toNumber: numberOf(order, 4),
    }).expect(409);
    expect(refused.body.details).toEqual({ requested: 4, available: 3 });
    const back = await takeBack({
      prescriberId: prescriber.organisationId,
      fromNumber: numberOf(order, 4),
      toNumber: numberOf(order, 6),
    }).expect(201);
    expect(back.body).toMatchObject({ count: 3, runs: [{ from: numberOf(order, 4), to: numberOf(order, 6), count: 3 }] });
    const lastOnes = await takeBack({ prescriberId: prescriber.organisationId, count: 2, orderId: order.order.id }).expect(201);
    expect(lastOnes.body.runs).toEqual([{ from: numberOf(order, 9), to: numberOf(order, 10), count: 2 }]);
    const notHers = await takeBack({ prescriberId: secondPrescriber.organisationId, count: 1, orderId: order.order.id }).expect(422);
    expect(notHers.body.code).toBe('INSUFFICIENT_STOCK');

    let statuses = await statusesOf(order);
    expect(statuses[numberOf(order, 3)]).toEqual({ carnet: 'issued', prescriberId: prescriber.organisationId, vouchers: ['issued'] });
    expect(statuses[numberOf(order, 5)]).toEqual({ carnet: 'in_stock', prescriberId: null, vouchers: ['active'] });

    await allocate({ prescriberId: secondPrescriber.organisationId, fromNumber: numberOf(order, 4), toNumber: numberOf(order, 6) }).expect(
      201,
    );
    statuses = await statusesOf(order);
    expect(statuses[numberOf(order, 5)]).toEqual({
      carnet: 'allocated',
      prescriberId: secondPrescriber.organisationId,
      vouchers: ['allocated'],
    });
    const history = await http(testApp)
      .get('/api/v1/audit-events')
      .query({ objectId: order.carnets[4].id })
      .set(bearer(anct.token))
      .expect(200);
    expect(history.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'carnet.allocated',
      'carnet.allocated',
      'carnet.taken_back',
    ]);
  });

  it('leaves a chèque in opposition cancelled when its carnet moves', async () => {
    const order = await readyOrder(1);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [
      order.carnets[0].vouchers[0].id,
    ]);
    await allocate({ prescriberId: prescriber.organisationId, fromNumber: numberOf(order, 1), toNumber: numberOf(order, 1) }).expect(201);
    const rows: { status: string }[] = await testApp.dataSource.query(
      `SELECT status FROM vouchers WHERE carnet_id = $1 ORDER BY position`,
      [order.carnets[0].id],
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'allocated', 'allocated', 'allocated', 'allocated']);
  });

  it('never shows nor allocates the carnets of an order still being generated', async () => {
    const order = await readyOrder(4);
    await testApp.dataSource.query(`UPDATE orders SET status = 'generating', generation_done = 4 WHERE id = $1`, [order.order.id]);
    const stock = await http(testApp).get('/api/v1/carnets/stock').set(bearer(funder.token)).expect(200);
    expect(stock.body.orders.find((o: { orderId: string }) => o.orderId === order.order.id)).toBeUndefined();
    const list = await http(testApp).get('/api/v1/carnets').query({ orderId: order.order.id }).set(bearer(funder.token)).expect(200);
    expect(list.body.total).toBe(0);
    await allocate({ prescriberId: prescriber.organisationId, count: 1, orderId: order.order.id }).expect(422);
    await allocate({ prescriberId: prescriber.organisationId, fromNumber: numberOf(order, 1), toNumber: numberOf(order, 1) }).expect(404);
  });

  describe('races', () => {
    it('never allocates a carnet twice when allocations by count race for one stock', async () => {
      const order = await readyOrder(100);
      const prescribers = [prescriber, secondPrescriber];
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          allocate({ prescriberId: prescribers[i % 2].organisationId, count: 15, orderId: order.order.id }),
        ),
      );
      const succeeded = responses.filter((r) => r.status === 201);
      expect(responses.every((r) => r.status === 201 || (r.status === 422 && r.body.code === 'INSUFFICIENT_STOCK'))).toBe(true);
      expect(succeeded.length).toBeGreaterThanOrEqual(1);
      expect(succeeded.length).toBeLessThanOrEqual(6);
      const claimed = succeeded.flatMap((r) =>
        r.body.runs.flatMap((run: { from: string; to: string }) => {
          const [from, to] = [Number(run.from.slice(-6)), Number(run.to.slice(-6))];
          return Array.from({ length: to - from + 1 }, (_, k) => from + k);
        }),
      );
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.length).toBe(succeeded.length * 15);
      const [{ allocated }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS allocated FROM carnets WHERE order_id = $1 AND status = 'allocated'`,
        [order.order.id],
      );
      expect(allocated).toBe(claimed.length);
      const [{ audited }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS audited FROM audit_events WHERE action = 'carnet.allocated' AND object_id = ANY($1)`,
        [order.carnets.map((c) => c.id)],
      );
      expect(audited).toBe(claimed.length);
    });

    it('lets exactly one of several allocations of the same range through', async () => {
      const order = await readyOrder(20);
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          allocate({
            prescriberId: [prescriber, secondPrescriber][i % 2].organisationId,
            fromNumber: numberOf(order, 3),
            toNumber: numberOf(order, 17),
          }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const holders: { prescriber_id: string; count: number }[] = await testApp.dataSource.query(
        `SELECT prescriber_id, count(*)::int AS count FROM carnets WHERE order_id = $1 AND status = 'allocated' GROUP BY prescriber_id`,
        [order.order.id],
      );
      expect(holders).toEqual([{ prescriber_id: responses.find((r) => r.status === 201)!.body.prescriberId, count: 15 }]);
    });
  });
  it("lists dormant stock per structure: carnets allocated before the window and never handed out, with the structure's recent hand-outs", async () => {
    const order = await readyOrder(10);
    const dormantPrescriber = await prescriberAgent(testApp, funder);
    const activePrescriber = await prescriberAgent(testApp, funder);
    await allocate({ prescriberId: dormantPrescriber.organisationId, fromNumber: numberOf(order, 1), toNumber: numberOf(order, 3) }).expect(
      201,
    );
    await allocate({ prescriberId: dormantPrescriber.organisationId, fromNumber: numberOf(order, 5), toNumber: numberOf(order, 6) }).expect(
      201,
    );
    await allocate({ prescriberId: dormantPrescriber.organisationId, fromNumber: numberOf(order, 7), toNumber: numberOf(order, 7) }).expect(
      201,
    );
    await allocate({ prescriberId: activePrescriber.organisationId, fromNumber: numberOf(order, 8), toNumber: numberOf(order, 10) }).expect(
      201,
    );
    const longAgo = new Date(Date.now() - 100 * 86_400_000);
    // Allocated 100 days ago: 1-3, 5-6 and 8-10; carnet 7 only yesterday (not dormant); carnet 10 handed out last week.
    await testApp.dataSource.query(`UPDATE carnets SET allocated_at = $2 WHERE order_id = $1 AND sequence <> 7`, [order.order.id, longAgo]);
    await testApp.dataSource.query(`UPDATE carnets SET allocated_at = now() - interval '1 day' WHERE order_id = $1 AND sequence = 7`, [
      order.order.id,
    ]);
    await markCarnetsIssued(testApp, [order.carnets[9].id], { issuedAt: new Date(Date.now() - 7 * 86_400_000) });
    // One chèque of a dormant carnet put in opposition: its value is no longer usable.
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'cancelled' WHERE carnet_id = $1 AND position = 1`, [order.carnets[0].id]);

    const page = await http(testApp).get('/api/v1/carnets/dormant-stock').set(bearer(funder.token)).expect(200);
    expect(page.body).toMatchObject({ olderThanDays: 90, limit: 50, offset: 0 });
    expect(Date.parse(page.body.allocatedBefore)).toBeLessThan(Date.now() - 89 * 86_400_000);
    const rowOf = (id: string) => page.body.items.find((item: { prescriberId: string }) => item.prescriberId === id);
    expect(rowOf(dormantPrescriber.organisationId)).toEqual({
      prescriberId: dormantPrescriber.organisationId,
      prescriberName: expect.any(String),
      dormantCarnets: 5,
      dormantVouchers: 24,
      dormantValueCents: 24 * order.order.faceValueCents,
      oldestAllocatedAt: longAgo.toISOString(),
      handedOutSinceCutoff: 0,
      lastHandedOutAt: null,
      runs: [
        { from: numberOf(order, 1), to: numberOf(order, 3), count: 3 },
        { from: numberOf(order, 5), to: numberOf(order, 6), count: 2 },
      ],
      runCount: 2,
    });
    expect(rowOf(activePrescriber.organisationId)).toMatchObject({
      dormantCarnets: 2,
      handedOutSinceCutoff: 1,
      runs: [{ from: numberOf(order, 8), to: numberOf(order, 9), count: 2 }],
    });
    const wider = await http(testApp)
      .get('/api/v1/carnets/dormant-stock')
      .query({ olderThanDays: 200 })
      .set(bearer(funder.token))
      .expect(200);
    expect(
      wider.body.items.find((item: { prescriberId: string }) => item.prescriberId === dormantPrescriber.organisationId),
    ).toBeUndefined();
    const theirs = await http(testApp).get('/api/v1/carnets/dormant-stock').set(bearer(otherFunder.token)).expect(200);
    expect(
      theirs.body.items.find((item: { prescriberId: string }) => item.prescriberId === dormantPrescriber.organisationId),
    ).toBeUndefined();
    await http(testApp).get('/api/v1/carnets/dormant-stock').query({ olderThanDays: 0 }).set(bearer(funder.token)).expect(400);
  });
});
