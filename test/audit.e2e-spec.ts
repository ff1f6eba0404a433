import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn } from './support/actors';
import { uniqueEmail, uniqueSiren } from './support/identifiers';

describe('Audit trail', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('records who created what, with the request id, in the same transaction as the change', async () => {
    const created = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .set('X-Request-Id', 'audit-test-request-1')
      .send({
        name: 'Métropole de Lyon',
        siren: uniqueSiren(),
        funderKind: 'metropole',
        departementCode: '69',
        admin: { email: uniqueEmail('metropole'), displayName: 'Gestionnaire' },
      })
      .expect(201);
    const organisationId = created.body.organisation.id;

    const events = await http(testApp)
      .get('/api/v1/audit-events')
      .query({ objectId: organisationId, action: 'organisation.created' })
      .set(bearer(anct.token))
      .expect(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({
      actorKind: 'user',
      actorUserId: anct.userId,
      actorOrganisationId: anct.organisationId,
      objectType: 'organisation',
      requestId: 'audit-test-request-1',
      after: expect.objectContaining({ name: 'Métropole de Lyon', kind: 'funder' }),
    });
    const invitation = await http(testApp)
      .get('/api/v1/audit-events')
      .query({ organisationId, action: 'user.invited' })
      .set(bearer(anct.token))
      .expect(200);
    expect(invitation.body.items).toHaveLength(1);
  });

  it('writes no audit row when the change is rolled back', async () => {
    const sharedEmail = uniqueEmail('twice');
    const body = (siren: string) => ({
      name: 'Région',
      siren,
      funderKind: 'region',
      departementCode: '69',
      admin: { email: sharedEmail, displayName: 'Gestionnaire' },
    });
    await http(testApp).post('/api/v1/organisations/funders').set(bearer(anct.token)).send(body(uniqueSiren())).expect(201);
    const [{ count: before }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    // The organisation insert and its audit row happen before the e-mail clash is detected: both must vanish.
    await http(testApp).post('/api/v1/organisations/funders').set(bearer(anct.token)).send(body(uniqueSiren())).expect(409);
    const [{ count: after }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM audit_events`);
    expect(after).toBe(before);
  });

  it('is append-only, enforced by the database', async () => {
    await expect(testApp.dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('pages newest first in the one list shape, and is for ANCT only', async () => {
    const first = await http(testApp).get('/api/v1/audit-events').query({ limit: 2 }).set(bearer(anct.token)).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect(first.body.total).toBeGreaterThan(2);
    expect(Number(first.body.items[0].id)).toBeGreaterThan(Number(first.body.items[1].id));
    const second = await http(testApp).get('/api/v1/audit-events').query({ limit: 2, offset: 2 }).set(bearer(anct.token)).expect(200);
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));

    const funder = await funderManager(testApp, anct);
    await http(testApp).get('/api/v1/audit-events').set(bearer(funder.token)).expect(403);
  });
});
