import { PersonalDataService } from '../src/modules/personal-data/personal-data.service';
import { anctAdmin, bearer, funderManager, http, type LoggedIn, prescriberAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, type ReadyOrder } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

describe('Beneficiaries’ personal data (GDPR): export, erasure on request, retention', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let order: ReadyOrder;

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { BENEFICIARY_DATA_RETENTION_DAYS: '365' } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    otherPrescriber = await prescriberAgent(testApp, funder);
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 8, carnetSize: 5 });
    await allocateCarnets(
      testApp,
      order.carnets.map((carnet) => carnet.id),
      prescriber.organisationId,
    );
  }, 60_000);
  afterAll(() => testApp.close());

  async function handOut(carnetIndex: number): Promise<string> {
    const response = await http(testApp)
      .post(`/api/v1/carnets/${order.carnets[carnetIndex].id}/issue`)
      .set(bearer(prescriber.token))
      .send({
        firstName: 'Léa',
        birthYear: 1950,
        person: { fullName: 'Léa Dupont', birthDate: '1950-04-02' },
        communeInseeCode: '69266',
        targetPublic: true,
        reasonCategory: 'health',
        consent: true,
      })
      .expect(201);
    return response.body.beneficiaryId;
  }

  const auditActions = async (beneficiaryId: string): Promise<string[]> =>
    (await testApp.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY occurred_at, id`, [beneficiaryId])).map(
      (row: { action: string }) => row.action,
    );

  /** How the funding reports count people (see funding-report.sql.ts), over every beneficiary. */
  const peopleCounted = async (): Promise<{ people: number; beneficiaries: number; issuances: number }> => {
    const [row] = await testApp.dataSource.query(
      `SELECT count(DISTINCT coalesce(b.person_id::text, encode(b.person_key, 'hex')))::int AS people, count(DISTINCT b.id)::int AS beneficiaries,
              count(i.id)::int AS issuances
         FROM beneficiaries b JOIN carnet_issuances i ON i.beneficiary_id = b.id`,
    );
    return row;
  };

  it('exports what is held about one person to the structure that recorded them and to ANCT, audited', async () => {
    const beneficiaryId = await handOut(0);
    const exported = await http(testApp)
      .get(`/api/v1/beneficiaries/${beneficiaryId}/personal-data`)
      .set(bearer(prescriber.token))
      .expect(200);
    expect(exported.body).toMatchObject({
      beneficiaryId,
      recordedBy: 'CCAS',
      firstName: 'Léa',
      birthYear: 1950,
      communeInseeCode: '69266',
      departementCode: '69',
      targetPublic: true,
      pseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
      erasedAt: null,
      retentionDays: 365,
    });
    expect(exported.body.carnets).toEqual([
      expect.objectContaining({
        carnetNumber: order.carnets[0].number,
        carnetStatus: 'issued',
        reasonCategory: 'health',
        funderName: 'Département 69',
      }),
    ]);
    expect(exported.body.carnets[0].vouchers).toHaveLength(5);
    expect(exported.body.carnets[0].vouchers[0]).toMatchObject({
      serial: order.carnets[0].vouchers[0].serial,
      status: 'issued',
      faceValueCents: 1000,
      redeemedAt: null,
    });

    await http(testApp).get(`/api/v1/beneficiaries/${beneficiaryId}/personal-data`).set(bearer(anct.token)).expect(200);
    await http(testApp).get(`/api/v1/beneficiaries/${beneficiaryId}/personal-data`).set(bearer(otherPrescriber.token)).expect(404);
    await http(testApp).get(`/api/v1/beneficiaries/${beneficiaryId}/personal-data`).set(bearer(funder.token)).expect(403);
    expect(await auditActions(beneficiaryId)).toEqual(['beneficiary.personal_data_exported', 'beneficiary.personal_data_exported']);
  });

  it('erases the first name, birth year and pseudonym on request, keeping the carnet, its chèques and the counts', async () => {
    const beneficiaryId = await handOut(1);
    const sameProgrammePerson = await handOut(2);
    const before = await peopleCounted();
    await http(testApp).post(`/api/v1/beneficiaries/${beneficiaryId}/erasure`).set(bearer(otherPrescriber.token)).expect(404);
    const erased = await http(testApp).post(`/api/v1/beneficiaries/${beneficiaryId}/erasure`).set(bearer(prescriber.token)).expect(200);
    expect(erased.body).toMatchObject({
      beneficiaryId,
      firstName: null,
      birthYear: null,
      pseudonym: null,
      erasureReason: 'request',
      communeInseeCode: '69266',
    });
    expect(erased.body.erasedAt).not.toBeNull();
    expect(erased.body.carnets[0]).toMatchObject({ carnetNumber: order.carnets[1].number, carnetStatus: 'issued' });
    // The same person's other record still counts them once: the report sees one person, not two.
    expect(await peopleCounted()).toEqual(before);

    const again = await http(testApp).post(`/api/v1/beneficiaries/${beneficiaryId}/erasure`).set(bearer(anct.token)).expect(200);
    expect(again.body.erasedAt).toBe(erased.body.erasedAt);
    expect(await auditActions(beneficiaryId)).toEqual(['beneficiary.personal_data_erased']);
    const [audit] = await testApp.dataSource.query(`SELECT after FROM audit_events WHERE object_id = $1`, [beneficiaryId]);
    expect(JSON.stringify(audit.after)).not.toContain('Léa');

    // The person's other record keeps its data, and now carries the anonymous person id shared with the erased one.
    const [row] = await testApp.dataSource.query(`SELECT first_name, person_key, person_id FROM beneficiaries WHERE id = $1`, [
      sameProgrammePerson,
    ]);
    expect(row.first_name).toBe('Léa');
    expect(row.person_id).not.toBeNull();
  });

  it('erases, in the scheduled job, only the data whose retention period after the last carnet is over', async () => {
    const now = Date.now();
    // Finished long ago (expired 400 days ago), finished recently (expired 10 days ago), and still open.
    const [oldCarnet, recentCarnet, openCarnet, oldSamePerson] = [3, 4, 5, 6].map((index) => order.carnets[index].id);
    await markCarnetsIssued(testApp, [oldCarnet, recentCarnet, openCarnet], { person: 'Marc Martin' });
    await markCarnetsIssued(testApp, [oldSamePerson], { person: 'Marc Martin' });
    const finishAt = async (carnetId: string, at: Date) => {
      await testApp.dataSource.query(`UPDATE vouchers SET status = 'expired', expires_at = $2 WHERE carnet_id = $1`, [carnetId, at]);
      await testApp.dataSource.query(`UPDATE carnets SET status = 'expired' WHERE id = $1`, [carnetId]);
    };
    await finishAt(oldCarnet, new Date(now - 400 * DAY_MS));
    await finishAt(oldSamePerson, new Date(now - 380 * DAY_MS));
    await finishAt(recentCarnet, new Date(now - 10 * DAY_MS));
    const beneficiaryOf = async (carnetId: string): Promise<string> =>
      (await testApp.dataSource.query(`SELECT beneficiary_id FROM carnet_issuances WHERE carnet_id = $1`, [carnetId]))[0].beneficiary_id;
    const before = await peopleCounted();

    const service = testApp.app.get(PersonalDataService);
    expect(await service.eraseRetained()).toEqual({ erased: 2 });
    expect(await service.eraseRetained()).toEqual({ erased: 0 });

    const state = async (carnetId: string) =>
      (
        await testApp.dataSource.query(`SELECT first_name, person_key IS NULL AS no_key, erasure_reason FROM beneficiaries WHERE id = $1`, [
          await beneficiaryOf(carnetId),
        ])
      )[0];
    expect(await state(oldCarnet)).toEqual({ first_name: null, no_key: true, erasure_reason: 'retention' });
    expect(await state(oldSamePerson)).toEqual({ first_name: null, no_key: true, erasure_reason: 'retention' });
    expect(await state(recentCarnet)).toEqual({ first_name: 'Léa', no_key: false, erasure_reason: null });
    expect(await state(openCarnet)).toEqual({ first_name: 'Léa', no_key: false, erasure_reason: null });
    // Same rows, same carnets, same number of people: Marc Martin is still one person.
    expect(await peopleCounted()).toEqual(before);
    expect(await auditActions(await beneficiaryOf(oldCarnet))).toEqual(['beneficiary.personal_data_erased']);
  });
});
