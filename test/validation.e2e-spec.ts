import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, http, LoggedIn, tableCounts } from './support/actors';
import { uniqueEmail, uniqueSiren } from './support/identifiers';

async function listen(testApp: TestApp): Promise<AddressInfo> {
  const server = testApp.app.getHttpServer();
  if (!server.listening) await testApp.app.listen(0, '127.0.0.1');
  return server.address() as AddressInfo;
}

describe('Input validation and error answers', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  const validFunder = () => ({
    name: 'Département de la Drôme',
    siren: uniqueSiren(),
    funderKind: 'departement',
    departementCode: '26',
    admin: { email: uniqueEmail('drome'), displayName: 'Gestionnaire' },
  });

  it('rejects unknown fields with 400 naming them, and changes nothing', async () => {
    const before = await tableCounts(testApp);
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .send({ ...validFunder(), isAdmin: true })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.details.fields).toEqual([{ field: 'isAdmin', problems: ['property isAdmin should not exist'] }]);
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('rejects wrong types and nested problems with every offending field', async () => {
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .send({ ...validFunder(), siren: 123456789, funderKind: 'kingdom', admin: { email: 'not-an-email', displayName: '' } })
      .expect(400);
    const fields = response.body.details.fields.map((field: { field: string }) => field.field).sort();
    expect(fields).toEqual(['admin.displayName', 'admin.email', 'funderKind', 'siren']);
  });

  it('rejects a business rule with 422 and its code (invalid SIREN check digit)', async () => {
    const siren = uniqueSiren();
    const wrong = `${siren.slice(0, 8)}${(Number(siren[8]) + 1) % 10}`;
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .send({ ...validFunder(), siren: wrong })
      .expect(422);
    expect(response.body.code).toBe('INVALID_SIREN');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .set('Content-Type', 'application/json')
      .send('{"name": "Drôme",')
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('refuses a JSON body that would set a prototype, as malformed', async () => {
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .set('Content-Type', 'application/json')
      .send(`{"name": "Drôme", "__proto__": {"isAdmin": true}}`)
      .expect(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
  });

  it('takes an empty body sent as JSON as no body', async () => {
    await http(testApp).post('/api/v1/expiry-runs').set(bearer(anct.token)).set('Content-Type', 'application/json').send('').expect(202);
  });

  it.each([
    ['application/xml', '<funder/>'],
    ['text/plain', 'name=Département du Rhône'],
  ])('answers a body of type %s with 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, body) => {
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .set('Content-Type', contentType)
      .send(body)
      .expect(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers an oversized body with 413', async () => {
    const response = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .send({ ...validFunder(), name: 'x'.repeat(300 * 1024) })
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, and echoes the request id', async () => {
    const response = await http(testApp).get('/api/v1/no/such/route').set('X-Request-Id', 'test-request-0001').expect(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'No such route.', requestId: 'test-request-0001' });
    expect(response.headers['x-request-id']).toBe('test-request-0001');
  });

  it('answers a malformed identifier in the path with 400, not 500', async () => {
    const response = await http(testApp).get('/api/v1/organisations/not-a-uuid').set(bearer(anct.token)).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a duplicate with 409 and rolls the whole change back', async () => {
    const funder = validFunder();
    await http(testApp).post('/api/v1/organisations/funders').set(bearer(anct.token)).send(funder).expect(201);
    const before = await tableCounts(testApp);
    const again = await http(testApp)
      .post('/api/v1/organisations/funders')
      .set(bearer(anct.token))
      .send({ ...validFunder(), admin: funder.admin })
      .expect(409);
    expect(again.body.code).toBe('EMAIL_ALREADY_USED');
    expect(JSON.stringify(again.body)).not.toMatch(/INSERT|SELECT|duplicate key|at .*\.ts/);
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('settles two simultaneous identical creations with one 201 and one 409, never a 500', async () => {
    const funder = validFunder();
    const responses = await Promise.all(
      [0, 1].map(() => http(testApp).post('/api/v1/organisations/funders').set(bearer(anct.token)).send(funder)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const conflict = responses.find((response) => response.status === 409)!;
    expect(['SIREN_ALREADY_REGISTERED', 'EMAIL_ALREADY_USED']).toContain(conflict.body.code);
  });

  describe('malformed input that used to reach a 500', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

    it.each([
      ['an array nested 20,000 deep', nested(20_000)],
      ['an object nested 20,000 deep', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
    ])('answers %s with 400 MALFORMED_JSON, even anonymously', async (_label, body) => {
      for (const path of ['/api/v1/auth/login', '/api/v1/venues/applications']) {
        const response = await http(testApp).post(path).set('Content-Type', 'application/json').send(body).expect(400);
        expect(response.body).toMatchObject({ code: 'MALFORMED_JSON', details: { maxDepth: 16 } });
      }
    });

    it.each([
      ['a lone surrogate', '\\ud800'],
      ['a NUL character', '\\u0000'],
    ])('refuses %s in any string with 400 naming the field', async (_label, escaped) => {
      const login = await http(testApp)
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email": "a${escaped}@example.org", "password": "x"}`)
        .expect(400);
      expect(login.body.details.fields).toEqual([
        { field: 'email', problems: ['email contains a character that cannot be stored (NUL or an unpaired surrogate)'] },
      ]);
      const invitation = await http(testApp)
        .post('/api/v1/users')
        .set(bearer(anct.token))
        .set('Content-Type', 'application/json')
        .send(`{"email": "b@example.org", "displayName": "Dominique ${escaped}"}`)
        .expect(400);
      expect(invitation.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a NUL byte in a query parameter with 400', async () => {
      const response = await http(testApp).get('/api/v1/audit-events?action=%00').set(bearer(anct.token)).expect(400);
      expect(response.body.details.fields[0].field).toBe('action');
    });

    it('refuses a nested object sent as an array (organisation administrator) with 400', async () => {
      const response = await http(testApp)
        .post('/api/v1/organisations/funders')
        .set(bearer(anct.token))
        .send({ ...validFunder(), admin: [{ email: uniqueEmail('array'), displayName: 'X' }] })
        .expect(400);
      expect(response.body.details.fields).toEqual([{ field: 'admin', problems: ['admin must not be a list'] }]);
    });

    it('refuses null for a setting in PATCH /programmes/{id} with 400, and changes nothing', async () => {
      const programme = await http(testApp)
        .post('/api/v1/programmes')
        .set(bearer(anct.token))
        .send({ name: `Programme ${uniqueSiren()}`, year: 2026, validUntil: '2027-12-31' })
        .expect(201);
      for (const field of ['faceValueCents', 'minimumOrderCents', 'allowedCarnetSizes', 'name']) {
        const response = await http(testApp)
          .patch(`/api/v1/programmes/${programme.body.id}`)
          .set(bearer(anct.token))
          .send({ [field]: null })
          .expect(400);
        expect(response.body.details.fields[0].field).toBe(field);
      }
      const after = await http(testApp).get(`/api/v1/programmes/${programme.body.id}`).set(bearer(anct.token)).expect(200);
      expect(after.body).toEqual(programme.body);
    });

    it('settles the same invitation sent five times at once with one 201 and 409 EMAIL_ALREADY_USED', async () => {
      const invitation = { email: uniqueEmail('race'), displayName: 'Invitée' };
      const responses = await Promise.all(
        [0, 1, 2, 3, 4].map(() => http(testApp).post('/api/v1/users').set(bearer(anct.token)).send(invitation)),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
      expect(new Set(responses.filter((response) => response.status === 409).map((response) => response.body.code))).toEqual(
        new Set(['EMAIL_ALREADY_USED']),
      );
    });
  });

  it('answers a body over the limit streamed without Expect: 100-continue with 413, not a reset', async () => {
    const port = (await listen(testApp)).port;
    const total = 2 * 1024 * 1024;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (data) => (received += data.toString()));
      socket.on('error', (error) => reject(new Error(`${error.message} (received: ${JSON.stringify(received.slice(0, 40))})`)));
      socket.on('close', () => resolve(received));
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < total && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it('marks every answer no-store unless it is public on purpose, and serves the OpenAPI page with a CSP', async () => {
    expect((await http(testApp).get('/api/v1/auth/me').set(bearer(anct.token)).expect(200)).headers['cache-control']).toBe('no-store');
    expect((await http(testApp).get('/api/v1/public/signing-keys').expect(200)).headers['cache-control']).toBe('public, max-age=3600');
    const page = await http(testApp).get('/api/docs').redirects(1);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('documents public operations as needing no credentials', async () => {
    const document = (await http(testApp).get('/api/docs-json').expect(200)).body;
    expect(document.paths['/api/v1/venues/applications'].post.security).toEqual([]);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/v1/venues/{id}'].get.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(document)).not.toContain('x-public');
  });
});
