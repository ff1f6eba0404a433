import { anctAdmin, appliedVenueAgent, http, LoggedIn } from './support/actors';
import { decide, venueApplication } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('Find a venue (public): communes, search with filters, nearest first, a venue’s page', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '1000' } });
    anct = await anctAdmin(testApp);
    // Three qualified venues in the Rhône and one still pending; standard fields set as an import or a form would.
    const venues = [
      {
        key: 'guillotiere',
        name: 'EPN Guillotière',
        communeInseeCode: '69387',
        postalCode: '69007',
        hours: '24/7',
        lat: 45.7485,
        lon: 4.8467,
        publics: '{}',
        support: '{Surdité}',
      },
      {
        key: 'villeurbanne',
        name: 'Médiathèque de Villeurbanne',
        communeInseeCode: '69266',
        postalCode: '69100',
        hours: 'off',
        lat: 45.7719,
        lon: 4.8902,
        publics: '{Seniors}',
        support: '{}',
      },
      {
        key: 'croixrousse',
        name: 'Espace Croix-Rousse',
        communeInseeCode: '69384',
        postalCode: '69004',
        hours: '24/7',
        lat: 45.7786,
        lon: 4.8275,
        publics: '{Jeunes}',
        support: '{}',
      },
      {
        key: 'pending',
        name: 'En attente',
        communeInseeCode: '69387',
        postalCode: '69007',
        hours: '24/7',
        lat: 45.75,
        lon: 4.85,
        publics: '{}',
        support: '{}',
      },
    ];
    for (const venue of venues) {
      const { venue: created } = await appliedVenueAgent(
        testApp,
        venueApplication({ name: venue.name, communeInseeCode: venue.communeInseeCode, postalCode: venue.postalCode, additionalSites: [] }),
      );
      if (venue.key !== 'pending') await decide(testApp, anct, created.id, 'qualify');
      ids[venue.key] = created.sites[0].id;
      await testApp.dataSource.query(
        `UPDATE venue_sites SET opening_hours_osm = $2, latitude = $3, longitude = $4, publics = $5, specific_support = $6 WHERE id = $1`,
        [created.sites[0].id, venue.hours, venue.lat, venue.lon, venue.publics, venue.support],
      );
    }
  });
  afterAll(() => testApp.close());

  const search = (query: Record<string, string | number | boolean>) => http(testApp).get('/api/v1/public/venue-sites').query(query);

  it('completes a commune typed by name or postcode from the official list', async () => {
    const byName = await http(testApp).get('/api/v1/public/communes').query({ q: 'villeurb' }).expect(200);
    expect(byName.body.items[0]).toEqual({
      inseeCode: '69266',
      name: 'Villeurbanne',
      postalCodes: ['69100'],
      departementCode: '69',
      kind: 'commune',
    });
    const byPostcode = await http(testApp).get('/api/v1/public/communes').query({ q: '69007' }).expect(200);
    expect(byPostcode.body.items.map((c: { inseeCode: string }) => c.inseeCode)).toEqual(expect.arrayContaining(['69123', '69387']));
    await http(testApp).get('/api/v1/public/communes').query({ q: 'x' }).expect(400);
  });

  it('finds the qualified venues of a commune typed by name, nearest first, with the opening state in French', async () => {
    const { body } = await search({ q: 'Lyon' }).expect(200);
    expect(body.items.map((site: { id: string }) => site.id)).not.toContain(ids.pending);
    expect(body.total).toBe(3);
    const guillotiere = body.items.find((site: { id: string }) => site.id === ids.guillotiere);
    expect(guillotiere).toMatchObject({
      openNow: true,
      openingStatus: 'Ouvert maintenant',
      acceptsPassNumerique: true,
      specificSupport: ['Surdité'],
    });
    expect(guillotiere.passServices.map((service: { maxVouchers: number }) => service.maxVouchers).sort()).toEqual([1, 2]);
    expect(guillotiere.services).toEqual(['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien']);
    const villeurbanne = body.items.find((site: { id: string }) => site.id === ids.villeurbanne);
    expect(villeurbanne).toMatchObject({ openNow: false, openingStatus: 'Fermé' });
  });

  it('orders from the person’s position when the phone gives it', async () => {
    const { body } = await search({ departementCode: '69', latitude: 45.772, longitude: 4.889 }).expect(200);
    expect(body.items.map((site: { id: string }) => site.id)).toEqual([ids.villeurbanne, ids.guillotiere, ids.croixrousse]);
    expect(body.items[0]).toMatchObject({ id: ids.villeurbanne, distanceKm: 0.1 });
    expect(body.items.map((site: { distanceKm: number }) => site.distanceKm)).toEqual(
      [...body.items.map((site: { distanceKm: number }) => site.distanceKm)].sort((a, b) => a - b),
    );
  });

  it('filters by open now, public (no specific public = everyone), accessibility and service', async () => {
    const open = await search({ postalCode: '69007', openNow: true }).expect(200);
    expect(open.body.items.map((site: { id: string }) => site.id).sort()).toEqual([ids.guillotiere, ids.croixrousse].sort());
    const seniors = await search({ departementCode: '69', public: 'Seniors' }).expect(200);
    expect(seniors.body.items.map((site: { id: string }) => site.id).sort()).toEqual([ids.guillotiere, ids.villeurbanne].sort());
    const deaf = await search({ departementCode: '69', accessibility: 'Surdité' }).expect(200);
    expect(deaf.body.items.map((site: { id: string }) => site.id)).toEqual([ids.guillotiere]);
    const leisure = await search({ departementCode: '69', service: 'Loisirs et créations numériques' }).expect(200);
    expect(leisure.body.total).toBe(0);
  });

  it('refuses an unknown commune or postcode with a clear 422, and an ambiguous search with a 400', async () => {
    const unknown = await search({ q: 'Nullepartville' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_COMMUNE' });
    expect(unknown.body.message).toMatch(/^Commune inconnue/);
    expect((await search({ postalCode: '00000' }).expect(422)).body.code).toBe('UNKNOWN_COMMUNE');
    await search({ q: 'Lyon', departementCode: '69' }).expect(400);
    await search({ departementCode: '69', service: 'Cuisine' }).expect(400);
  });

  it('shows a venue’s page with this week’s hours in French; a pending venue has none', async () => {
    const { body } = await http(testApp).get(`/api/v1/public/venue-sites/${ids.guillotiere}`).expect(200);
    expect(body).toMatchObject({ name: 'EPN Guillotière', openingStatus: 'Ouvert maintenant' });
    expect(body.week).toHaveLength(7);
    expect(body.week[0]).toEqual({ day: 'lundi', hours: '0 h – 24 h' });
    await http(testApp).get(`/api/v1/public/venue-sites/${ids.pending}`).expect(404);
  });

  it('takes the standard’s fields from the application form, and refuses hours that are not OSM syntax', async () => {
    const { venue } = await appliedVenueAgent(
      testApp,
      venueApplication({
        name: 'Tiers-lieu de Bourg',
        communeInseeCode: '01053',
        postalCode: '01000',
        city: 'Bourg-en-Bresse',
        additionalSites: [],
        openingHoursOsm: 'Mo-Fr 09:00-17:00; PH off',
        standardServices: ['Loisirs et créations numériques'],
        publics: ['Jeunes'],
        fees: ['Gratuit'],
        phone: '+33474000000',
        latitude: 46.205,
        longitude: 5.2255,
      }),
    );
    await decide(testApp, anct, venue.id, 'qualify');
    const { body } = await search({ q: '01000', service: 'Loisirs et créations numériques' }).expect(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      name: 'Tiers-lieu de Bourg',
      openingHours: 'Mo-Fr 09:00-17:00; PH off',
      publics: ['Jeunes'],
      fees: ['Gratuit'],
      phone: '+33474000000',
    });
    const refused = await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ openingHoursOsm: 'tous les jours' }))
      .expect(400);
    expect(refused.body.details.fields[0].field).toBe('openingHoursOsm');
    await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ standardServices: ['Cuisine'] }))
      .expect(400);
  });

  it('refuses a site in a commune that does not exist', async () => {
    const response = await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ communeInseeCode: '69999', additionalSites: [] }))
      .expect(422);
    expect(response.body).toMatchObject({ code: 'UNKNOWN_COMMUNE', details: { field: 'communeInseeCode' } });
  });
});
