import { buildOpenApiDocument } from '../src/http-app';
import { createTestApp, TestApp } from './support/test-app';
import {
  anctAdmin,
  bearer,
  funderManager,
  http,
  LoggedIn,
  prescriberAgent,
  tableCounts,
  venueAgent,
} from './support/actors';
import { uniqueEmail, uniqueSiren, uniqueSiret } from './support/identifiers';
import { decide, issuedVouchers, randomUnknownCode, redeemRequest } from './support/redemption-fixtures';
import { randomUUID } from 'node:crypto';

type ActorName = 'anct' | 'funderA' | 'prescriberA' | 'venueA' | 'funderB' | 'prescriberB' | 'venueB';
const ALL_ACTORS: ActorName[] = ['anct', 'funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'];

interface Fixtures {
  actors: Record<ActorName, LoggedIn>;
  funderAApiKeyId: string;
  funderAColleagueId: string;
  venueASiteId: string;
  venueAServiceId: string;
  venueARedemptionId: string;
}

const VENUE_AGENTS: ActorName[] = ['venueA', 'venueB'];
const site = () => ({ name: 'Antenne', addressLine: '1 rue', postalCode: '69001', city: 'Lyon', communeInseeCode: '69381', openingHours: [] });

interface Endpoint {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI path, as in /docs-json. */
  route: string;
  url: (f: Fixtures) => string;
  body?: () => object;
  /** Who may succeed. Every other actor must get 403 or 404 and leave the database unchanged. */
  allowed: ActorName[];
}

/**
 * Every authenticated endpoint, with a valid request aimed at organisation A's objects.
 * The coverage test below fails when an endpoint is added without a row here.
 */
const ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    route: '/organisations/funders',
    url: () => '/organisations/funders',
    body: () => ({ name: 'Région', siren: uniqueSiren(), funderKind: 'region', departementCode: '69', admin: { email: uniqueEmail('r'), displayName: 'R' } }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/organisations/venues',
    url: () => '/organisations/venues',
    body: () => ({
      name: 'EPN',
      siret: uniqueSiret(),
      addressLine: '1 rue',
      postalCode: '69001',
      city: 'Lyon',
      communeInseeCode: '69381',
      admin: { email: uniqueEmail('v'), displayName: 'V' },
    }),
    allowed: ['anct'],
  },
  {
    method: 'post',
    route: '/organisations/prescribers',
    url: () => '/organisations/prescribers',
    body: () => ({ name: 'CCAS', siret: uniqueSiret(), communeInseeCode: '69266', admin: { email: uniqueEmail('p'), displayName: 'P' } }),
    allowed: ['funderA', 'funderB'],
  },
  { method: 'get', route: '/organisations', url: () => '/organisations', allowed: ALL_ACTORS },
  {
    method: 'get',
    route: '/organisations/{id}',
    url: (f) => `/organisations/${f.actors.funderA.organisationId}`,
    allowed: ['anct', 'funderA', 'prescriberA'],
  },
  { method: 'get', route: '/auth/me', url: () => '/auth/me', allowed: ALL_ACTORS },
  { method: 'post', route: '/api-keys', url: () => '/api-keys', body: () => ({ name: 'k' }), allowed: ['funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'] },
  { method: 'get', route: '/api-keys', url: () => '/api-keys', allowed: ['funderA', 'prescriberA', 'venueA', 'funderB', 'prescriberB', 'venueB'] },
  { method: 'delete', route: '/api-keys/{id}', url: (f) => `/api-keys/${f.funderAApiKeyId}`, allowed: ['funderA'] },
  { method: 'post', route: '/users', url: () => '/users', body: () => ({ email: uniqueEmail('u'), displayName: 'U' }), allowed: ALL_ACTORS },
  { method: 'get', route: '/users', url: () => '/users', allowed: ALL_ACTORS },
  { method: 'post', route: '/users/{id}/deactivate', url: (f) => `/users/${f.funderAColleagueId}/deactivate`, allowed: ['anct', 'funderA'] },
  { method: 'get', route: '/audit-events', url: () => '/audit-events', allowed: ['anct'] },
  { method: 'get', route: '/venues', url: () => '/venues', allowed: ['anct'] },
  { method: 'get', route: '/venues/{id}', url: (f) => `/venues/${f.actors.venueA.organisationId}`, allowed: ['anct', 'venueA'] },
  {
    method: 'post',
    route: '/venues/{id}/qualification',
    url: (f) => `/venues/${f.actors.venueA.organisationId}/qualification`,
    body: () => ({ decision: 'suspend', reason: 'Contrôle' }),
    allowed: ['anct'],
  },
  { method: 'post', route: '/venues/{id}/sites', url: (f) => `/venues/${f.actors.venueA.organisationId}/sites`, body: site, allowed: ['anct', 'venueA'] },
  {
    method: 'post',
    route: '/venues/{id}/sites/{siteId}/deactivate',
    url: (f) => `/venues/${f.actors.venueA.organisationId}/sites/${f.venueASiteId}/deactivate`,
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/venues/{id}/services',
    url: (f) => `/venues/${f.actors.venueA.organisationId}/services`,
    body: () => ({ label: 'Atelier', category: 'first_steps', durationMinutes: 60 }),
    allowed: ['anct', 'venueA'],
  },
  {
    method: 'post',
    route: '/venues/{id}/services/{serviceId}/deactivate',
    url: (f) => `/venues/${f.actors.venueA.organisationId}/services/${f.venueAServiceId}/deactivate`,
    allowed: ['anct', 'venueA'],
  },
  { method: 'post', route: '/redemptions/check', url: () => '/redemptions/check', body: () => ({ code: randomUnknownCode() }), allowed: VENUE_AGENTS },
  {
    method: 'post',
    route: '/redemptions',
    url: () => '/redemptions',
    body: () => ({ serviceId: randomUUID(), vouchers: [{ code: randomUnknownCode() }] }),
    allowed: VENUE_AGENTS,
  },
  {
    method: 'post',
    route: '/redemptions/offline-batches',
    url: () => '/redemptions/offline-batches',
    body: () => ({ deviceId: 'd', scans: [{ code: randomUnknownCode(), scannedAt: new Date().toISOString(), serviceId: randomUUID() }] }),
    allowed: VENUE_AGENTS,
  },
  { method: 'get', route: '/redemptions', url: () => '/redemptions', allowed: ['anct', ...VENUE_AGENTS] },
  { method: 'get', route: '/redemptions/totals', url: () => '/redemptions/totals', allowed: VENUE_AGENTS },
  { method: 'get', route: '/redemptions/{id}', url: (f) => `/redemptions/${f.venueARedemptionId}`, allowed: ['anct', 'venueA'] },
  {
    method: 'post',
    route: '/redemptions/{id}/cancel',
    url: (f) => `/redemptions/${f.venueARedemptionId}/cancel`,
    body: () => ({ reason: 'Erreur' }),
    allowed: ['venueA'],
  },
];

const PUBLIC_ROUTES = [
  '/health',
  '/health/ready',
  '/auth/login',
  '/auth/refresh',
  '/auth/logout',
  '/auth/accept-invitation',
  '/venues/applications',
  '/public/venues',
];

describe('Role × endpoint × organisation matrix', () => {
  let testApp: TestApp;
  let fixtures: Fixtures;

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    const funderA = await funderManager(testApp, anct);
    const funderB = await funderManager(testApp, anct);
    const actors: Record<ActorName, LoggedIn> = {
      anct,
      funderA,
      funderB,
      prescriberA: await prescriberAgent(testApp, funderA),
      prescriberB: await prescriberAgent(testApp, funderB),
      venueA: await venueAgent(testApp, anct),
      venueB: await venueAgent(testApp, anct),
    };
    const key = await http(testApp).post('/api-keys').set(bearer(funderA.token)).send({ name: 'A' }).expect(201);
    const colleague = await http(testApp).post('/users').set(bearer(funderA.token)).send({ email: uniqueEmail('c'), displayName: 'C' }).expect(201);
    const venueA = actors.venueA;
    const venueASite = await http(testApp).post(`/venues/${venueA.organisationId}/sites`).set(bearer(venueA.token)).send(site()).expect(201);
    const service = await http(testApp)
      .post(`/venues/${venueA.organisationId}/services`)
      .set(bearer(venueA.token))
      .send({ label: 'Atelier', category: 'first_steps', durationMinutes: 60 })
      .expect(201);
    await decide(testApp, anct, venueA.organisationId, 'qualify');
    const stock = await issuedVouchers(testApp, anct, { funder: funderA, carnetCount: 1, carnetSize: 1 });
    const redeemed = await redeemRequest(testApp, { agent: venueA, venueId: venueA.organisationId, serviceId: service.body.id, siteId: venueASite.body.id }, [
      { code: stock.vouchers[0].code },
    ]).expect(201);
    fixtures = {
      actors,
      funderAApiKeyId: key.body.id,
      funderAColleagueId: colleague.body.user.id,
      venueASiteId: venueASite.body.id,
      venueAServiceId: service.body.id,
      venueARedemptionId: redeemed.body.redemptions[0].id,
    };
  });
  afterAll(() => testApp.close());

  it('lists every documented route either as public or in the matrix', () => {
    const document = buildOpenApiDocument(testApp.app);
    const documented = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method} ${route}`),
    );
    const covered = new Set([
      ...ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.route}`),
      ...PUBLIC_ROUTES.flatMap((route) => ['get', 'post'].map((method) => `${method} ${route}`)),
    ]);
    expect(documented.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  for (const endpoint of ENDPOINTS) {
    const outsiders = ALL_ACTORS.filter((actor) => !endpoint.allowed.includes(actor));
    if (outsiders.length === 0) continue;
    it(`${endpoint.method.toUpperCase()} ${endpoint.route}: ${outsiders.join(', ')} get 403/404 and change nothing`, async () => {
      for (const outsider of outsiders) {
        const before = await tableCounts(testApp);
        let call = http(testApp)[endpoint.method](endpoint.url(fixtures)).set(bearer(fixtures.actors[outsider].token));
        if (endpoint.body) call = call.send(endpoint.body());
        const response = await call;
        expect({ outsider, refused: [403, 404].includes(response.status) }).toEqual({ outsider, refused: true });
        expect(await tableCounts(testApp)).toEqual(before);
      }
    });
  }

  it('lets an allowed actor read what an outsider cannot', async () => {
    const { actors } = fixtures;
    await http(testApp).get(`/organisations/${actors.funderA.organisationId}`).set(bearer(actors.prescriberA.token)).expect(200);
    await http(testApp).get(`/organisations/${actors.funderA.organisationId}`).set(bearer(actors.prescriberB.token)).expect(404);
    const seenByFunderB = await http(testApp).get('/organisations').set(bearer(actors.funderB.token)).expect(200);
    const ids = seenByFunderB.body.items.map((organisation: { id: string }) => organisation.id);
    expect(ids).toContain(actors.funderB.organisationId);
    expect(ids).not.toContain(actors.funderA.organisationId);
    expect(ids).not.toContain(actors.prescriberA.organisationId);
  });

  it('answers another organisation’s object exactly like a missing one', async () => {
    const { actors } = fixtures;
    const other = await http(testApp).get(`/organisations/${actors.venueA.organisationId}`).set(bearer(actors.venueB.token)).expect(404);
    const missing = await http(testApp).get('/organisations/00000000-0000-4000-8000-000000000000').set(bearer(actors.venueB.token)).expect(404);
    expect({ ...other.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
  });
});
