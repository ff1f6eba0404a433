import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, ReadyOrder } from './support/factories';
import { ProgrammeEntity } from '../src/modules/programmes/programme.entity';

const validBeneficiary = {
  firstName: 'Léa',
  birthYear: 1958,
  communeInseeCode: '69266',
  targetPublic: true,
  reasonCategory: 'administrative_procedures',
  consent: true,
};

describe('Issuing a carnet to a beneficiary', () => {
  let testApp: TestApp;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let programme: ProgrammeEntity;
  let stock: ReadyOrder;

  const issue = (who: LoggedIn, carnetId: string, body: object = validBeneficiary) =>
    http(testApp).post(`/api/v1/carnets/${carnetId}/issue`).set(bearer(who.token)).send(body);
  const allocatedCount = async (prescriberId: string) =>
    (
      await testApp.dataSource.query(`SELECT count(*)::int AS n FROM carnets WHERE prescriber_id = $1 AND status = 'allocated'`, [
        prescriberId,
      ])
    )[0].n;

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    otherPrescriber = await prescriberAgent(testApp, funder);
    programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    stock = await createReadyOrder(testApp, {
      programme,
      funderId: funder.organisationId,
      carnetCount: 8,
      carnetSize: 5,
      territoryDepartements: ['69'],
    });
    await allocateCarnets(
      testApp,
      stock.carnets.slice(0, 6).map((c) => c.id),
      prescriber.organisationId,
    );
    await allocateCarnets(testApp, [stock.carnets[6].id], otherPrescriber.organisationId);
  });
  afterAll(() => testApp.close());

  it('issues a carnet from the stock in one call: stock decreases, chèques issued with the programme expiry, audited', async () => {
    const carnet = stock.carnets[0];
    const before = await allocatedCount(prescriber.organisationId);
    const started = Date.now();
    const response = await issue(prescriber, carnet.id).expect(201);
    expect(Date.now() - started).toBeLessThan(2000);

    expect(response.body).toMatchObject({
      carnetId: carnet.id,
      carnetNumber: carnet.number,
      reasonCategory: 'administrative_procedures',
      replacesCarnetId: null,
      expiresAt: '2030-12-31T22:59:59.000Z', // end of 31/12 in Paris (winter time)
      totalValueCents: 5000,
      pdfUrl: `/api/v1/carnets/${carnet.id}/pdf`,
      warnings: [],
    });
    expect(response.body.vouchers.map((v: { serial: string }) => v.serial)).toEqual(carnet.vouchers.map((v) => v.serial));
    expect(await allocatedCount(prescriber.organisationId)).toBe(before - 1);

    const [row] = await testApp.dataSource.query(`SELECT status, issued_at FROM carnets WHERE id = $1`, [carnet.id]);
    expect(row.status).toBe('issued');
    const vouchers = await testApp.dataSource.query(`SELECT status, expires_at, issued_at FROM vouchers WHERE carnet_id = $1`, [carnet.id]);
    expect(vouchers).toHaveLength(5);
    for (const voucher of vouchers) {
      expect(voucher.status).toBe('issued');
      expect(voucher.expires_at.toISOString()).toBe('2030-12-31T22:59:59.000Z');
      expect(voucher.issued_at).not.toBeNull();
    }
    const [beneficiary] = await testApp.dataSource.query(`SELECT * FROM beneficiaries WHERE id = $1`, [response.body.beneficiaryId]);
    expect(beneficiary).toMatchObject({
      prescriber_id: prescriber.organisationId,
      first_name: 'Léa',
      birth_year: 1958,
      commune_insee_code: '69266',
      departement_code: '69',
      target_public: true,
      person_key: null,
    });
    const audit = await testApp.dataSource.query(`SELECT * FROM audit_events WHERE object_id = $1 AND action = 'carnet.issued'`, [
      carnet.id,
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: prescriber.userId, object_organisation_id: prescriber.organisationId });
    expect(audit[0].after).toMatchObject({ status: 'issued', beneficiaryId: response.body.beneficiaryId, voucherCount: 5 });
    expect(JSON.stringify(audit[0].after)).not.toContain('Léa');
  });

  it('refuses to issue the same carnet twice (409) and leaves it untouched', async () => {
    const carnet = stock.carnets[0];
    const response = await issue(prescriber, carnet.id).expect(409);
    expect(response.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'issued' } });
    expect((await testApp.dataSource.query(`SELECT count(*)::int AS n FROM carnet_issuances WHERE carnet_id = $1`, [carnet.id]))[0].n).toBe(
      1,
    );
  });

  it('hands a carnet out once when two agents try at the same moment', async () => {
    const carnet = stock.carnets[5];
    const answers = await Promise.all(Array.from({ length: 4 }, () => issue(prescriber, carnet.id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    const [{ n }] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM carnet_issuances WHERE carnet_id = $1`, [carnet.id]);
    expect(n).toBe(1);
  });

  it("answers another structure's carnet exactly like a missing one (404)", async () => {
    const before = await tableCounts(testApp);
    const other = await issue(prescriber, stock.carnets[6].id).expect(404);
    const inFunderStock = await issue(prescriber, stock.carnets[7].id).expect(404);
    const missing = await issue(prescriber, '00000000-0000-4000-8000-000000000000').expect(404);
    const strip = (body: object) => ({ ...body, requestId: undefined });
    expect(strip(other.body)).toEqual(strip(missing.body));
    expect(strip(inFunderStock.body)).toEqual(strip(missing.body));
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('refuses a carnet whose order is not paid and generated (409)', async () => {
    const unpaid = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 1 });
    await allocateCarnets(testApp, [unpaid.carnets[0].id], prescriber.organisationId);
    await testApp.dataSource.query(`UPDATE orders SET status = 'approved', paid_at = NULL WHERE id = $1`, [unpaid.order.id]);
    const response = await issue(prescriber, unpaid.carnets[0].id).expect(409);
    expect(response.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'approved' } });
    const [carnet] = await testApp.dataSource.query(`SELECT status FROM carnets WHERE id = $1`, [unpaid.carnets[0].id]);
    expect(carnet.status).toBe('allocated');
  });

  it.each([
    ['no consent', { consent: undefined }, ['consent']],
    ['consent refused', { consent: false }, ['consent']],
    ['digits in the first name', { firstName: 'Léa 1850' }, ['firstName']],
    ['an empty first name', { firstName: '   ' }, ['firstName']],
    ['a bad commune code', { communeInseeCode: '6926' }, ['communeInseeCode']],
    ['an unknown reason', { reasonCategory: 'because' }, ['reasonCategory']],
    ['a string target-public flag', { targetPublic: 'yes' }, ['targetPublic']],
    ['a national identifier', { nir: '1850575123456' }, ['nir']],
    ['a postal address', { address: '1 rue de la Paix' }, ['address']],
    ['free text about the person', { notes: 'vit seule' }, ['notes']],
    ['a future birth year', { birthYear: new Date().getUTCFullYear() + 1 }, ['birthYear']],
    ['an impossible birth date', { person: { fullName: 'Dupont Léa', birthDate: '1958-02-30' } }, ['person.birthDate']],
    ['a birth year that contradicts the birth date', { person: { fullName: 'Dupont Léa', birthDate: '1959-02-03' } }, ['birthYear']],
  ])('answers 400 with the offending fields for %s', async (_label, change, fields) => {
    const before = await tableCounts(testApp);
    const response = await issue(prescriber, stock.carnets[1].id, { ...validBeneficiary, ...change }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('keeps only a keyed hash of the person, and warns when that person already holds an active carnet', async () => {
    const first = await issue(prescriber, stock.carnets[1].id, {
      ...validBeneficiary,
      person: { fullName: 'Jean-Pierre DUPONT', birthDate: '1958-05-04' },
    }).expect(201);
    expect(first.body.warnings).toEqual([]);
    // Same person, typed differently, at another structure.
    await allocateCarnets(testApp, [stock.carnets[7].id], otherPrescriber.organisationId);
    const second = await issue(otherPrescriber, stock.carnets[7].id, {
      ...validBeneficiary,
      firstName: 'Jean-Pierre',
      person: { fullName: 'dupont jean pierre', birthDate: '1958-05-04' },
    }).expect(201);
    expect(second.body.warnings).toEqual([expect.objectContaining({ code: 'PERSON_HOLDS_ACTIVE_CARNET', activeCarnets: 1 })]);

    const keys = await testApp.dataSource.query(`SELECT person_key FROM beneficiaries WHERE id = ANY($1)`, [
      [first.body.beneficiaryId, second.body.beneficiaryId],
    ]);
    expect(keys[0].person_key).toHaveLength(32);
    expect(keys[0].person_key).toEqual(keys[1].person_key);
    const dump =
      JSON.stringify(await testApp.dataSource.query(`SELECT * FROM beneficiaries`)) +
      JSON.stringify(await testApp.dataSource.query(`SELECT * FROM audit_events`));
    expect(dump.toLowerCase()).not.toContain('dupont');
    expect(dump).not.toContain('1958-05-04');

    // Another person: no warning.
    const third = await issue(prescriber, stock.carnets[2].id, {
      ...validBeneficiary,
      person: { fullName: 'Jean-Pierre Dupont', birthDate: '1958-05-05' },
    }).expect(201);
    expect(third.body.warnings).toEqual([]);
  });

  it('refuses a funder (403): only prescribers hand carnets out', async () => {
    await issue(funder, stock.carnets[3].id).expect(403);
  });

  it('stops distribution DISTRIBUTION_STOP_DAYS before expiry (422)', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const closing = await createProgramme(testApp, { validUntil: soon });
    const order = await createReadyOrder(testApp, { programme: closing, funderId: funder.organisationId, carnetCount: 1 });
    await allocateCarnets(testApp, [order.carnets[0].id], prescriber.organisationId);
    const response = await issue(prescriber, order.carnets[0].id).expect(422);
    expect(response.body.code).toBe('DISTRIBUTION_CLOSED');
  });

  it('issues only the chèques still valid when one was put in opposition in stock', async () => {
    const carnet = stock.carnets[3];
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [carnet.vouchers[0].id]);
    const response = await issue(prescriber, carnet.id).expect(201);
    expect(response.body.vouchers.map((v: { position: number }) => v.position)).toEqual([2, 3, 4, 5]);
    expect(response.body.totalValueCents).toBe(4000);
  });
});
