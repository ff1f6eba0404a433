import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, ReadyOrder } from './support/factories';
import { binary } from './support/pdf';

const DAY_MS = 86_400_000;
const beneficiary = {
  firstName: 'Léa',
  communeInseeCode: '69266',
  targetPublic: true,
  reasonCategory: 'employment',
  consent: true,
  person: { fullName: 'Léa Martin', birthDate: '1970-05-04' },
};

/** What a prescriber follows after handing carnets out: stock with expiry, chèque outcomes, hand-outs, alerts, the duplicate check. */
describe('Following carnets held and handed out (prescriber)', () => {
  let testApp: TestApp;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let stock: ReadyOrder;
  let soon: ReadyOrder;
  let closing: ReadyOrder;

  const get = (who: LoggedIn, url: string) => http(testApp).get(url).set(bearer(who.token));
  const post = (who: LoggedIn, url: string, body: object) => http(testApp).post(url).set(bearer(who.token)).send(body);

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    otherPrescriber = await prescriberAgent(testApp, funder);
    const programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    stock = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 4, carnetSize: 5 });
    // Programmes ending in 20 days (J-30 passed, still open) and in 10 days (J-15 passed: distribution stopped).
    const endingIn = async (days: number) => {
      const ending = await createProgramme(testApp, { validUntil: new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10) });
      await enrolFunder(testApp, ending.id, funder.organisationId);
      return ending;
    };
    soon = await createReadyOrder(testApp, { programme: await endingIn(20), funderId: funder.organisationId, carnetCount: 2 });
    closing = await createReadyOrder(testApp, { programme: await endingIn(10), funderId: funder.organisationId, carnetCount: 1 });
    await allocateCarnets(
      testApp,
      [...stock.carnets.slice(0, 3), ...soon.carnets, ...closing.carnets].map((carnet) => carnet.id),
      prescriber.organisationId,
    );
    await allocateCarnets(testApp, [stock.carnets[3].id], otherPrescriber.organisationId);
  });
  afterAll(() => testApp.close());

  it('checks before handing out whether the person already holds an active carnet, in any structure, recording nothing', async () => {
    const check = (who: LoggedIn, person: object) => post(who, '/api/v1/carnets/holder-check', person);
    expect((await check(prescriber, beneficiary.person).expect(200)).body).toEqual({ activeCarnets: 0 });
    const beneficiariesBefore = (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM beneficiaries`))[0].n;

    await post(prescriber, `/api/v1/carnets/${stock.carnets[0].id}/issue`, beneficiary).expect(201);
    // Typed differently, in another structure: the same person.
    expect((await check(otherPrescriber, { fullName: 'MARTIN lea', birthDate: '1970-05-04' }).expect(200)).body).toEqual({
      activeCarnets: 1,
    });
    expect((await check(prescriber, { fullName: 'Léa Martin', birthDate: '1971-05-04' }).expect(200)).body).toEqual({ activeCarnets: 0 });
    expect((await testApp.dataSource.query(`SELECT count(*)::int AS n FROM beneficiaries`))[0].n).toBe(beneficiariesBefore + 1);

    const future = await check(prescriber, { fullName: 'Léa Martin', birthDate: '2999-01-01' }).expect(400);
    expect(future.body.details.fields).toEqual([
      { field: 'birthDate', problems: ['birthDate must be a real date between 1900-01-01 and today'] },
    ]);
    await check(prescriber, { fullName: 'Léa Martin' }).expect(400);
    await check(funder, beneficiary.person).expect(403);
  });

  it('lists the carnets held with their expiry, the end of their distribution (J-15) and their chèques by outcome', async () => {
    const carnet = stock.carnets[1];
    await post(prescriber, `/api/v1/vouchers/${carnet.vouchers[4].serial}/opposition`, { reason: 'lost' }).expect(200);

    const listed = await get(prescriber, `/api/v1/carnets?status=allocated&number=${carnet.number}`).expect(200);
    expect(listed.body.total).toBe(1);
    const [item] = listed.body.items;
    expect(item).toMatchObject({ id: carnet.id, number: carnet.number, status: 'allocated', expiresAt: stock.expiresAt.toISOString() });
    expect(new Date(item.expiresAt).getTime() - new Date(item.distributionClosesAt).getTime()).toBe(15 * DAY_MS);
    expect(item.vouchers).toEqual({ unused: 4, used: 0, expired: 0, cancelled: 1 });

    const held = await get(prescriber, '/api/v1/carnets?status=allocated').expect(200);
    expect(held.body.items.map((c: { number: string }) => c.number).sort()).toEqual(
      [stock.carnets[1], stock.carnets[2], ...soon.carnets, ...closing.carnets].map((c) => c.number).sort(),
    );
    await get(prescriber, '/api/v1/carnets?number=42').expect(400);
  });

  it('lists the carnets handed out, newest first, with their chèques by outcome and the replacement links', async () => {
    const [original, replacement] = [stock.carnets[0], stock.carnets[2]];
    // One chèque used, one expired (as the venue and the expiry job would leave them), then the carnet is lost.
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed' WHERE serial = $1`, [original.vouchers[0].serial]);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'expired' WHERE serial = $1`, [original.vouchers[1].serial]);
    await post(prescriber, `/api/v1/carnets/${original.id}/opposition`, { reason: 'stolen' }).expect(200);
    await post(prescriber, `/api/v1/carnets/${original.id}/replacement`, { replacementCarnetId: replacement.id }).expect(201);

    const handedOut = await get(prescriber, '/api/v1/carnet-issuances').expect(200);
    expect(handedOut.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(handedOut.body.items).toEqual([
      expect.objectContaining({
        carnetId: replacement.id,
        carnetNumber: replacement.number,
        carnetStatus: 'issued',
        beneficiaryFirstName: 'Léa',
        reasonCategory: 'employment',
        replacesCarnetId: original.id,
        replacesCarnetNumber: original.number,
        replacedByCarnetId: null,
        replacedByCarnetNumber: null,
        expiresAt: stock.expiresAt.toISOString(),
        vouchers: { unused: 5, used: 0, expired: 0, cancelled: 0 },
      }),
      expect.objectContaining({
        carnetId: original.id,
        carnetStatus: 'cancelled',
        replacesCarnetId: null,
        replacedByCarnetId: replacement.id,
        replacedByCarnetNumber: replacement.number,
        vouchers: { unused: 0, used: 1, expired: 1, cancelled: 3 },
      }),
    ]);
    const one = await get(prescriber, `/api/v1/carnet-issuances?carnetNumber=${original.number}`).expect(200);
    expect(one.body.items.map((item: { carnetId: string }) => item.carnetId)).toEqual([original.id]);
    expect((await get(prescriber, '/api/v1/carnet-issuances?carnetStatus=issued').expect(200)).body.total).toBe(1);
    // Another structure sees none of it.
    expect((await get(otherPrescriber, '/api/v1/carnet-issuances').expect(200)).body).toEqual({
      items: [],
      total: 0,
      limit: 50,
      offset: 0,
    });
  });

  it('alerts on carnets held that expire within 30 days (hand them out first) and on those whose distribution stopped (J-15)', async () => {
    const alerts = await get(prescriber, '/api/v1/carnets/alerts').expect(200);
    const group = (order: ReadyOrder) => ({
      orderId: order.order.id,
      orderNumber: order.order.number,
      expiresAt: order.expiresAt.toISOString(),
      distributionClosesAt: new Date(order.expiresAt.getTime() - 15 * DAY_MS).toISOString(),
      carnetCount: order.carnets.length,
      firstCarnetNumber: order.carnets[0].number,
      lastCarnetNumber: order.carnets[order.carnets.length - 1].number,
    });
    expect(alerts.body).toEqual({
      warningDays: 30,
      distributionStopDays: 15,
      expiringSoon: [group(soon)],
      distributionClosed: [group(closing)],
    });
    // The funder holds the same carnets through its prescriber; the other structure holds none of them.
    expect((await get(funder, '/api/v1/carnets/alerts').expect(200)).body.distributionClosed).toEqual([group(closing)]);
    expect((await get(otherPrescriber, '/api/v1/carnets/alerts').expect(200)).body).toMatchObject({
      expiringSoon: [],
      distributionClosed: [],
    });
    // A carnet whose distribution stopped is indeed refused at the desk.
    const refused = await post(prescriber, `/api/v1/carnets/${closing.carnets[0].id}/issue`, { ...beneficiary, person: undefined }).expect(
      422,
    );
    expect(refused.body.code).toBe('DISTRIBUTION_CLOSED');
  });

  it('serves the carnet for the browser’s PDF viewer when asked (inline), as a download otherwise', async () => {
    const url = `/api/v1/carnets/${stock.carnets[2].id}/pdf`;
    const inline = await get(prescriber, `${url}?disposition=inline`).buffer(true).parse(binary).expect(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toBe(`inline; filename="pass-numerique-carnet-${stock.carnets[2].number}.pdf"`);
    expect(inline.body.subarray(0, 5).toString()).toBe('%PDF-');
    const saved = await get(prescriber, url).buffer(true).parse(binary).expect(200);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; /);
    await get(prescriber, `${url}?disposition=window`).expect(400);
  });
});
