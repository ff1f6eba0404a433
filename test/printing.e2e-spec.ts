import { createVerificationKeyRing, fromPublicJwk, type VerificationKeyRing } from '../src/modules/signing/key-ring';
import { verifyVoucherQr } from '../src/modules/signing/voucher-signature';
import { VoucherQrService } from '../src/modules/signing/voucher-qr.service';
import { COUPONS_PER_PAGE, couponQrBox, pagesOfCarnet } from '../src/modules/printing/render/carnet-document';
import { formatVoucherCode } from '../src/modules/vouchers/voucher-code.rules';
import { ProgrammeEntity } from '../src/modules/programmes/programme.entity';
import { MAX_TERRITORY_ENTRIES } from '../src/modules/orders/orders.rules';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, ReadyOrder, StockCarnet } from './support/factories';
import { binary, decodeQrIn, pdfPageCount, pdfText, printedCodes, rasterisePage } from './support/pdf';
import { qualifyVenue } from './support/money-factories';

// Rasterising pages and decoding QR codes from pixels takes a few seconds on a busy machine.
jest.setTimeout(90_000);

describe('Printing a carnet', () => {
  let testApp: TestApp;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let programme: ProgrammeEntity;
  let stock: ReadyOrder;
  let ring: VerificationKeyRing;

  const pdfOf = async (who: LoggedIn, carnetId: string, status = 200) => {
    const response = await http(testApp)
      .get(`/api/v1/carnets/${carnetId}/pdf`)
      .set(bearer(who.token))
      .buffer(true)
      .parse(binary)
      .expect(status);
    // Redeemable codes: no cache may keep them.
    expect(response.headers['cache-control']).toBe('no-store');
    return response;
  };

  /** The first `couponCount` coupons decoded from pixels: QR texts in coupon order (null where no QR reads). */
  function scanCoupons(pdf: Buffer, couponCount: number): (string | null)[] {
    const texts: (string | null)[] = [];
    let page = rasterisePage(pdf, 2);
    for (let index = 0; index < couponCount; index++) {
      if (index > 0 && index % COUPONS_PER_PAGE === 0) page = rasterisePage(pdf, 2 + index / COUPONS_PER_PAGE);
      texts.push(decodeQrIn(page, couponQrBox(index % COUPONS_PER_PAGE)));
    }
    return texts;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder, '69266');
    otherPrescriber = await prescriberAgent(testApp, funder);
    // Venues: two qualified in the beneficiary's commune and département, one pending, one elsewhere.
    const venues = [
      await venueAgent(testApp, anct, '69266'),
      await venueAgent(testApp, anct, '69387'),
      await venueAgent(testApp, anct, '69266'),
      await venueAgent(testApp, anct, '75056'),
    ];
    const names = ['Médiathèque de Villeurbanne', 'EPN de la Guillotière', 'Lieu en attente', 'EPN parisien'];
    for (const [index, venue] of venues.entries()) {
      await testApp.dataSource.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [venue.organisationId, names[index]]);
      if (index !== 2) await qualifyVenue(testApp, venue.organisationId);
    }
    programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    stock = await createReadyOrder(testApp, {
      programme,
      funderId: funder.organisationId,
      carnetCount: 4,
      carnetSize: 10,
      territoryDepartements: ['69'],
      territoryCommunes: ['69266'],
    });
    await testApp.dataSource.query(`UPDATE orders SET personalisation_text = 'Avec le Département du Rhône' WHERE id = $1`, [
      stock.order.id,
    ]);
    await allocateCarnets(
      testApp,
      stock.carnets.slice(0, 3).map((c) => c.id),
      prescriber.organisationId,
    );
    const keys = await http(testApp).get('/api/v1/public/signing-keys').expect(200);
    ring = createVerificationKeyRing(keys.body.keys.map(fromPublicJwk));
  });
  afterAll(() => testApp.close());

  describe('the largest territory an order may have', () => {
    // MAX_TERRITORY_ENTRIES entries: the Rhône and communes of the Isère.
    const isereCommunes = (count: number) => Array.from({ length: count }, (_, index) => `38${String(index + 1).padStart(3, '0')}`);
    const orderWith = (communes: number) =>
      http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({
          programmeId: programme.id,
          carnetCount: 100,
          carnetSize: 10,
          territoryDepartements: ['69'],
          territoryCommunes: isereCommunes(communes),
        });

    it('is accepted at order time, and one entry more is refused with 422 TERRITORY_TOO_LARGE', async () => {
      await orderWith(MAX_TERRITORY_ENTRIES - 1).expect(201);
      const refused = await orderWith(MAX_TERRITORY_ENTRIES).expect(422);
      expect(refused.body).toMatchObject({
        code: 'TERRITORY_TOO_LARGE',
        details: { entries: MAX_TERRITORY_ENTRIES + 1, maxEntries: MAX_TERRITORY_ENTRIES },
      });
    });

    it('prints QR codes that all decode from the page rasterised at 150 dpi', async () => {
      const territoryCommunes = isereCommunes(MAX_TERRITORY_ENTRIES - 1);
      const wide = await createReadyOrder(testApp, {
        programme,
        funderId: funder.organisationId,
        carnetCount: 1,
        carnetSize: 10,
        territoryDepartements: ['69'],
        territoryCommunes,
      });
      const carnet = wide.carnets[0];
      await allocateCarnets(testApp, [carnet.id], prescriber.organisationId);
      await http(testApp)
        .post(`/api/v1/carnets/${carnet.id}/issue`)
        .set(bearer(prescriber.token))
        .send({ firstName: 'Sacha', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'health', consent: true })
        .expect(201);
      const pdf: Buffer = (await pdfOf(prescriber, carnet.id)).body;
      const scanned = scanCoupons(pdf, 10);
      scanned.forEach((qrText, index) => {
        expect(qrText).not.toBeNull();
        const payload = verifyVoucherQr(qrText!, ring, new Date());
        expect(payload.serial).toBe(carnet.vouchers[index].serial);
        expect(payload.territory).toHaveLength(MAX_TERRITORY_ENTRIES);
      });
    }, 120_000);
  });

  it('prints an issued carnet whose every QR code scans, verifies with the published keys and matches the typed code', async () => {
    const carnet: StockCarnet = stock.carnets[0];
    await http(testApp)
      .post(`/api/v1/carnets/${carnet.id}/issue`)
      .set(bearer(prescriber.token))
      .send({ firstName: 'Zoë', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'health', consent: true })
      .expect(201);
    const response = await pdfOf(prescriber, carnet.id);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="pass-numerique-carnet-${carnet.number}.pdf"`);
    const pdf: Buffer = response.body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(pagesOfCarnet(10));

    const scanned = scanCoupons(pdf, 10);
    const now = new Date();
    scanned.forEach((qrText, index) => {
      expect(qrText).not.toBeNull();
      // Offline verifier: only the published JWK set.
      const payload = verifyVoucherQr(qrText!, ring, now);
      expect(payload).toEqual({
        version: 1,
        keyId: 'dev-2026',
        serial: carnet.vouchers[index].serial,
        code: carnet.vouchers[index].code,
        expiresAt: new Date('2030-12-31T22:59:59Z'),
        territory: ['69', '69266'],
      });
      expect(testApp.app.get(VoucherQrService).verify(qrText!, now).serial).toBe(carnet.vouchers[index].serial);
    });

    const text = pdfText(pdf);
    for (const voucher of carnet.vouchers) {
      expect(text).toContain(formatVoucherCode(voucher.code));
      expect(text).toContain(voucher.serial);
    }
    expect(text).toContain('Pass numérique');
    expect(text).toContain('Zoë');
    expect(text).toContain('Offert par Département 69');
    expect(text).toContain('Avec le Département du Rhône');
    expect(text).toContain('10 chèques de 10,00 €');
    expect(text).toContain('Soit 100,00 €');
    expect(text).toContain('À utiliser avant le 31 décembre 2030');
    expect(text).toContain('Valable jusqu’au 31 décembre 2030');
    // Qualified venues only, the beneficiary's commune first, then its département.
    const venues = ['Médiathèque de Villeurbanne', 'EPN de la Guillotière'].map((name) => text.indexOf(name));
    expect(venues[0]).toBeGreaterThan(0);
    expect(venues[1]).toBeGreaterThan(venues[0]);
    expect(text).not.toContain('Lieu en attente');
    expect(text).not.toContain('EPN parisien');

    const audit = await testApp.dataSource.query(
      `SELECT actor_user_id FROM audit_events WHERE action = 'carnet.printed' AND object_id = $1`,
      [carnet.id],
    );
    expect(audit).toEqual([{ actor_user_id: prescriber.userId }]);
  });

  it('prints the funder\'s text as written: "Offert par" once on the cover when the text starts with it', async () => {
    const carnet = stock.carnets[2];
    await testApp.dataSource.query(`UPDATE orders SET personalisation_text = 'Offert par le Département du Rhône' WHERE id = $1`, [
      stock.order.id,
    ]);
    try {
      const cover = pdfText((await pdfOf(prescriber, carnet.id)).body).split('\f')[0];
      expect(cover).toContain('Offert par le Département du Rhône');
      expect(cover.match(/Offert par/g)).toHaveLength(1);
    } finally {
      await testApp.dataSource.query(`UPDATE orders SET personalisation_text = 'Avec le Département du Rhône' WHERE id = $1`, [
        stock.order.id,
      ]);
    }
  });

  it('reprints the same codes and QR codes; the funder may print it too', async () => {
    const carnet = stock.carnets[0];
    const first: Buffer = (await pdfOf(prescriber, carnet.id)).body;
    const byFunder: Buffer = (await pdfOf(funder, carnet.id)).body;
    expect(scanCoupons(byFunder, COUPONS_PER_PAGE)).toEqual(scanCoupons(first, COUPONS_PER_PAGE));
    expect(printedCodes(byFunder)).toEqual(carnet.vouchers.map((voucher) => formatVoucherCode(voucher.code)));
    expect(printedCodes(first)).toEqual(printedCodes(byFunder));
  });

  it('prints a carnet in stock with a blank name line, and voids coupons of chèques no longer usable', async () => {
    const carnet = stock.carnets[1];
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'cancelled' WHERE id = $1`, [carnet.vouchers[2].id]);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed' WHERE id = $1`, [carnet.vouchers[5].id]);
    const pdf: Buffer = (await pdfOf(prescriber, carnet.id)).body;
    const scanned = scanCoupons(pdf, 10);
    expect(scanned[2]).toBeNull();
    expect(scanned[5]).toBeNull();
    expect(scanned.filter((text) => text !== null)).toHaveLength(8);
    const text = pdfText(pdf);
    expect(text).toContain('Prénom : ....');
    expect(text).toContain('Chèque annulé');
    expect(text).toContain('Chèque déjà utilisé');
    expect(text).not.toContain(formatVoucherCode(carnet.vouchers[2].code));
    expect(text).not.toContain(formatVoucherCode(carnet.vouchers[5].code));
    expect(text).toContain('Valeur restante : 80,00 €');
  });

  it("answers another structure's carnet like a missing one, refuses cancelled carnets and unready orders", async () => {
    await pdfOf(otherPrescriber, stock.carnets[0].id, 404);
    await pdfOf(prescriber, stock.carnets[3].id, 404); // still in the funder's stock
    await pdfOf(funder, stock.carnets[3].id, 200);
    await http(testApp)
      .post(`/api/v1/carnets/${stock.carnets[2].id}/opposition`)
      .set(bearer(prescriber.token))
      .send({ reason: 'damaged' })
      .expect(200);
    await pdfOf(prescriber, stock.carnets[2].id, 409);
    const unready = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 1 });
    await testApp.dataSource.query(`UPDATE orders SET status = 'generating' WHERE id = $1`, [unready.order.id]);
    await pdfOf(funder, unready.carnets[0].id, 409);
  });
});
