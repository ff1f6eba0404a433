import { anctAdmin, appliedVenueAgent, bearer, http, LoggedIn, TEST_PASSWORD } from './support/actors';
import { uniqueSiret } from './support/identifiers';
import { invitationInOutbox, outboxMailsTo } from './support/outbox';
import { decide, venueApplication } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('Venues: application, qualification, sites and services, public directory', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '1000' } });
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  async function apply(overrides: Record<string, unknown> = {}) {
    const body = venueApplication(overrides);
    const { agent, venue } = await appliedVenueAgent(testApp, body);
    return { venue, token: agent.token, body };
  }

  it('lets a venue apply without an account, then manage its application as its administrator', async () => {
    const { venue, token, body } = await apply();
    expect(venue).toMatchObject({
      name: body.name,
      siret: body.siret,
      communeInseeCode: '69387',
      departementCode: '69',
      qualificationStatus: 'pending',
      qualificationHistory: [],
    });
    expect(venue.sites.map((site: { name: string; communeInseeCode: string }) => [site.name, site.communeInseeCode])).toEqual([
      [body.name, '69387'],
      ['Permanence à la médiathèque', '69382'],
    ]);
    expect(venue.sites[0]).toMatchObject({ openingHours: body.openingHours, accessibilityNotes: body.accessibilityNotes, active: true });
    expect(venue.services.map((service: { category: string; maxVouchers: number }) => [service.category, service.maxVouchers])).toEqual([
      ['online_procedures', 2],
      ['first_steps', 1],
    ]);
    const own = await http(testApp).get(`/api/v1/venues/${venue.id}`).set(bearer(token)).expect(200);
    expect(own.body.id).toBe(venue.id);
    const audit = await testApp.dataSource.query(`SELECT action FROM audit_events WHERE object_organisation_id = $1 ORDER BY id`, [
      venue.id,
    ]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'organisation.created',
      'user.invited',
      'venue.applied',
      'user.activated',
    ]);
  });

  it('sends the administrator’s invitation by e-mail only, written in the application’s own transaction', async () => {
    const body = venueApplication();
    const response = await http(testApp).post('/api/v1/venues/applications').send(body).expect(201);
    const [mail] = await outboxMailsTo(testApp.dataSource, body.admin.email);
    expect(mail).toMatchObject({ kind: 'invitation', subject: '[Pass numérique] Votre invitation' });
    const { link, token } = await invitationInOutbox(testApp.dataSource, body.admin.email);
    expect(mail.textBody).toContain(`Choisir votre mot de passe : ${link}`);
    expect(mail.htmlBody).toContain(`href="${link}"`);

    // Anyone may apply with anyone's address: the answer says where the invitation went, never what it holds.
    const answer = JSON.stringify(response.body);
    expect(answer).not.toContain(token);
    expect(answer).not.toContain('#token=');
    const [user] = await testApp.dataSource.query(`SELECT id, invitation_expires_at AS "expiresAt" FROM users WHERE email = $1`, [
      body.admin.email,
    ]);
    expect(response.body.adminInvitation).toEqual({ email: body.admin.email, expiresAt: user.expiresAt.toISOString() });

    // The same transaction id wrote the venue, its administrator and the e-mail: all three are committed, or none.
    const writers = await testApp.dataSource.query(
      `SELECT xmin::text AS xid FROM organisations WHERE id = $1
       UNION ALL SELECT xmin::text FROM users WHERE id = $2
       UNION ALL SELECT xmin::text FROM outbox_messages WHERE recipient_email = $3`,
      [response.body.venue.id, user.id, body.admin.email],
    );
    expect(writers).toHaveLength(3);
    expect(new Set(writers.map((row: { xid: string }) => row.xid)).size).toBe(1);

    // The mailbox's owner gets in with the link's token.
    await http(testApp).post('/api/v1/auth/accept-invitation').send({ token, password: TEST_PASSWORD }).expect(200);
  });

  it('refuses a bad SIRET, a SIRET already registered (even by two racing applications) and bad opening hours', async () => {
    const invalid = await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ siret: '73282932000075' }))
      .expect(422);
    expect(invalid.body.code).toBe('INVALID_SIRET');
    const siret = uniqueSiret();
    const racing = await Promise.all([1, 2].map(() => http(testApp).post('/api/v1/venues/applications').send(venueApplication({ siret }))));
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(racing.find((response) => response.status === 409)!.body.code).toBe('SIRET_ALREADY_REGISTERED');
    const overlapping = await http(testApp)
      .post('/api/v1/venues/applications')
      .send(
        venueApplication({
          openingHours: [
            { day: 1, opens: '09:00', closes: '12:00' },
            { day: 1, opens: '11:00', closes: '13:00' },
          ],
        }),
      )
      .expect(400);
    expect(overlapping.body.details.fields[0].field).toBe('openingHours');
    await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ services: [] }))
      .expect(400);
    await http(testApp)
      .post('/api/v1/venues/applications')
      .send(venueApplication({ services: [{ label: 'x', category: 'juggling', durationMinutes: 60 }] }))
      .expect(400);
  });

  it('lets ANCT qualify, suspend, reinstate and withdraw, keeping a dated history and an audit trail', async () => {
    const { venue } = await apply();
    const pending = await http(testApp)
      .get('/api/v1/venues')
      .query({ qualificationStatus: 'pending', limit: 200 })
      .set(bearer(anct.token))
      .expect(200);
    expect(pending.body.items.map((item: { id: string }) => item.id)).toContain(venue.id);

    const noReason = await http(testApp)
      .post(`/api/v1/venues/${venue.id}/qualification`)
      .set(bearer(anct.token))
      .send({ decision: 'refuse' })
      .expect(400);
    expect(noReason.body.details.fields[0].field).toBe('reason');
    const early = await http(testApp)
      .post(`/api/v1/venues/${venue.id}/qualification`)
      .set(bearer(anct.token))
      .send({ decision: 'suspend', reason: 'test' })
      .expect(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'pending', attempted: 'suspend' } });

    await decide(testApp, anct, venue.id, 'qualify');
    await decide(testApp, anct, venue.id, 'suspend', 'Signalement en cours de vérification');
    await decide(testApp, anct, venue.id, 'qualify');
    const withdrawn = await decide(testApp, anct, venue.id, 'withdraw', 'Fermeture du lieu');
    expect(withdrawn.body.qualificationStatus).toBe('withdrawn');
    expect(
      withdrawn.body.qualificationHistory.map((event: { fromStatus: string; toStatus: string; reason: string | null }) => [
        event.fromStatus,
        event.toStatus,
        event.reason,
      ]),
    ).toEqual([
      ['pending', 'qualified', null],
      ['qualified', 'suspended', 'Signalement en cours de vérification'],
      ['suspended', 'qualified', null],
      ['qualified', 'withdrawn', 'Fermeture du lieu'],
    ]);
    const times = withdrawn.body.qualificationHistory.map((event: { decidedAt: string }) => new Date(event.decidedAt).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(withdrawn.body.qualificationHistory.every((event: { decidedByUserId: string }) => event.decidedByUserId === anct.userId)).toBe(
      true,
    );
    await http(testApp).post(`/api/v1/venues/${venue.id}/qualification`).set(bearer(anct.token)).send({ decision: 'qualify' }).expect(409);

    const audit = await testApp.dataSource.query(
      `SELECT action, before, after FROM audit_events WHERE object_id = $1 AND action LIKE 'venue.%' ORDER BY id`,
      [venue.id],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'venue.applied',
      'venue.qualified',
      'venue.suspended',
      'venue.qualified',
      'venue.withdrawn',
    ]);
    expect(audit[2]).toMatchObject({
      before: { qualificationStatus: 'qualified' },
      after: { qualificationStatus: 'suspended', reason: 'Signalement en cours de vérification' },
    });
    await expect(testApp.dataSource.query(`UPDATE venue_qualification_events SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`DELETE FROM venue_qualification_events`)).rejects.toThrow(/append-only/);
  });

  it('lets a venue administrator add and close its own sites and services, never another venue’s', async () => {
    const mine = await apply();
    const theirs = await apply();
    const site = await http(testApp)
      .post(`/api/v1/venues/${mine.venue.id}/sites`)
      .set(bearer(mine.token))
      .send({
        name: 'Bus numérique',
        addressLine: 'Place du marché',
        postalCode: '69100',
        city: 'Villeurbanne',
        communeInseeCode: '69266',
        openingHours: [],
      })
      .expect(201);
    expect(site.body).toMatchObject({ venueId: mine.venue.id, departementCode: '69', active: true });
    await http(testApp)
      .post(`/api/v1/venues/${mine.venue.id}/sites`)
      .set(bearer(mine.token))
      .send({
        name: 'Mauvais',
        addressLine: 'x',
        postalCode: '69100',
        city: 'V',
        communeInseeCode: '69266',
        openingHours: [{ day: 1, opens: '18:00', closes: '09:00' }],
      })
      .expect(400);
    await http(testApp)
      .post(`/api/v1/venues/${theirs.venue.id}/sites/${theirs.venue.sites[0].id}/deactivate`)
      .set(bearer(mine.token))
      .expect(404);
    await http(testApp)
      .post(`/api/v1/venues/${mine.venue.id}/sites/${theirs.venue.sites[0].id}/deactivate`)
      .set(bearer(mine.token))
      .expect(404);
    await http(testApp).post(`/api/v1/venues/${mine.venue.id}/sites/${site.body.id}/deactivate`).set(bearer(mine.token)).expect(200);
    await http(testApp).post(`/api/v1/venues/${mine.venue.id}/sites/${site.body.id}/deactivate`).set(bearer(mine.token)).expect(409);

    const service = await http(testApp)
      .post(`/api/v1/venues/${mine.venue.id}/services`)
      .set(bearer(mine.token))
      .send({ label: 'Sécurité en ligne', category: 'online_safety', durationMinutes: 90 })
      .expect(201);
    await http(testApp)
      .post(`/api/v1/venues/${theirs.venue.id}/services`)
      .set(bearer(mine.token))
      .send({ label: 'Autre', category: 'other', durationMinutes: 60 })
      .expect(404);
    const closed = await http(testApp)
      .post(`/api/v1/venues/${mine.venue.id}/services/${service.body.id}/deactivate`)
      .set(bearer(mine.token))
      .expect(200);
    expect(closed.body.active).toBe(false);
    await http(testApp).get(`/api/v1/venues/${theirs.venue.id}`).set(bearer(mine.token)).expect(404);
  });

  it('lets a venue administrator correct a site’s standard fields and a service, audited, and the public search shows it at once', async () => {
    const mine = await apply({ additionalSites: [] });
    const theirs = await apply({ additionalSites: [] });
    await decide(testApp, anct, mine.venue.id, 'qualify');
    const site = mine.venue.sites[0];
    const edited = {
      name: 'EPN du 7e',
      addressLine: '12 rue de Marseille',
      addressComplement: 'Rez-de-chaussée',
      postalCode: '69007',
      city: 'Lyon',
      communeInseeCode: '69387',
      openingHours: [],
      openingHoursOsm: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00',
      accessibilityNotes: 'Entrée de plain-pied',
      standardServices: ['Aide aux démarches administratives'],
      publics: ['Seniors'],
      specificSupport: ['Surdité'],
      fees: ['Gratuit'],
      phone: '+33472000000',
      emails: ['contact@epn7.fr'],
      websites: ['https://epn7.fr'],
      summary: 'Aide aux démarches et ateliers pour débuter.',
    };
    const updated = await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/sites/${site.id}`)
      .set(bearer(mine.token))
      .send(edited)
      .expect(200);
    expect(updated.body).toMatchObject({ ...edited, id: site.id, departementCode: '69', acceptsPassNumerique: true, latitude: null });
    // Bad OSM hours, an unknown commune, a value outside the standard: refused, nothing written.
    const badHours = await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/sites/${site.id}`)
      .set(bearer(mine.token))
      .send({ ...edited, openingHoursOsm: 'tous les jours' })
      .expect(400);
    expect(badHours.body.details.fields[0].field).toBe('openingHoursOsm');
    await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/sites/${site.id}`)
      .set(bearer(mine.token))
      .send({ ...edited, communeInseeCode: '99999' })
      .expect(422);
    await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/sites/${site.id}`)
      .set(bearer(mine.token))
      .send({ ...edited, publics: ['Tout le monde'] })
      .expect(400);
    // Another venue's site: 404, like a missing one.
    await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/sites/${theirs.venue.sites[0].id}`)
      .set(bearer(mine.token))
      .send(edited)
      .expect(404);
    await http(testApp)
      .put(`/api/v1/venues/${theirs.venue.id}/sites/${theirs.venue.sites[0].id}`)
      .set(bearer(mine.token))
      .send(edited)
      .expect(404);

    const service = mine.venue.services[0];
    const serviceEdit = { label: 'Démarches CAF et impôts', category: 'online_procedures', durationMinutes: 90, maxVouchers: 3 };
    const updatedService = await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/services/${service.id}`)
      .set(bearer(mine.token))
      .send(serviceEdit)
      .expect(200);
    expect(updatedService.body).toMatchObject({ ...serviceEdit, id: service.id, active: true });
    await http(testApp)
      .put(`/api/v1/venues/${mine.venue.id}/services/${service.id}`)
      .set(bearer(mine.token))
      .send({ ...serviceEdit, maxVouchers: 11 })
      .expect(400);
    await http(testApp)
      .put(`/api/v1/venues/${theirs.venue.id}/services/${theirs.venue.services[0].id}`)
      .set(bearer(mine.token))
      .send(serviceEdit)
      .expect(404);

    const audit = await testApp.dataSource.query(
      `SELECT action, before, after FROM audit_events WHERE object_organisation_id = $1 AND action LIKE '%.updated' ORDER BY id`,
      [mine.venue.id],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['venue_site.updated', 'venue_service.updated']);
    expect(audit[0].before).toMatchObject({ name: mine.body.name, fees: [] });
    expect(audit[0].after).toMatchObject({ name: 'EPN du 7e', fees: ['Gratuit'] });
    expect(audit[1]).toMatchObject({ before: { maxVouchers: 2, durationMinutes: 240 }, after: { maxVouchers: 3, durationMinutes: 90 } });
    // The same edit again changes nothing and writes no audit line.
    await http(testApp).put(`/api/v1/venues/${mine.venue.id}/services/${service.id}`).set(bearer(mine.token)).send(serviceEdit).expect(200);
    const [{ count }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE object_organisation_id = $1 AND action LIKE '%.updated'`,
      [mine.venue.id],
    );
    expect(count).toBe(2);

    const found = await http(testApp).get(`/api/v1/public/venue-sites/${site.id}`).expect(200);
    expect(found.body).toMatchObject({
      name: 'EPN du 7e',
      openingHours: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00',
      publics: ['Seniors'],
      specificSupport: ['Surdité'],
      phone: '+33472000000',
      summary: 'Aide aux démarches et ateliers pour débuter.',
    });
    expect(found.body.week[0]).toEqual({ day: 'lundi', hours: '9 h – 12 h, 14 h – 18 h 30' });
    expect(found.body.passServices).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Démarches CAF et impôts', maxVouchers: 3 })]),
    );
  });

  it('publishes qualified venues near a commune or in a département, without login', async () => {
    const inCommune = await apply({
      name: 'A — lieu de la commune',
      communeInseeCode: '2A004',
      postalCode: '20000',
      city: 'Ajaccio',
      additionalSites: [],
    });
    const elsewhere = await apply({
      name: 'B — ailleurs dans le département',
      communeInseeCode: '2A247',
      postalCode: '20137',
      city: 'Porto-Vecchio',
      additionalSites: [],
    });
    const pending = await apply({
      name: 'C — en attente',
      communeInseeCode: '2A004',
      postalCode: '20000',
      city: 'Ajaccio',
      additionalSites: [],
    });
    const suspended = await apply({
      name: 'D — suspendu',
      communeInseeCode: '2A004',
      postalCode: '20000',
      city: 'Ajaccio',
      additionalSites: [],
    });
    for (const { venue } of [inCommune, elsewhere, suspended]) await decide(testApp, anct, venue.id, 'qualify');
    await decide(testApp, anct, suspended.venue.id, 'suspend', 'Contrôle');

    const near = await http(testApp).get('/api/v1/public/venues').query({ communeInseeCode: '2A247' }).expect(200);
    expect(near.body.items.map((venue: { name: string }) => venue.name)).toEqual([
      'B — ailleurs dans le département',
      'A — lieu de la commune',
    ]);
    expect(near.body.total).toBe(2);
    expect(near.body.items[0]).toEqual({
      id: elsewhere.venue.id,
      name: 'B — ailleurs dans le département',
      sites: [
        {
          id: elsewhere.venue.sites[0].id,
          name: 'B — ailleurs dans le département',
          addressLine: '12 rue de Marseille',
          postalCode: '20137',
          city: 'Porto-Vecchio',
          communeInseeCode: '2A247',
          openingHours: elsewhere.body.openingHours,
          accessibilityNotes: 'Accès de plain-pied, boucle magnétique.',
        },
      ],
      services: [
        {
          label: 'Premiers pas sur ordinateur',
          category: 'first_steps',
          categoryLabel: 'Premiers pas avec le numérique',
          durationMinutes: 120,
          maxVouchers: 1,
        },
        {
          label: 'Démarches CAF et impôts',
          category: 'online_procedures',
          categoryLabel: 'Démarches administratives en ligne',
          durationMinutes: 240,
          maxVouchers: 2,
        },
      ],
    });
    const departement = await http(testApp).get('/api/v1/public/venues').query({ departementCode: '2A', limit: 1, offset: 1 }).expect(200);
    expect(departement.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ name: 'B — ailleurs dans le département' }] });
    expect(JSON.stringify(near.body)).not.toContain(pending.venue.id);
    expect((await http(testApp).get('/api/v1/public/venues').query({ departementCode: '2B' }).expect(200)).body.total).toBe(0);
    await http(testApp).get('/api/v1/public/venues').expect(400);
    await http(testApp).get('/api/v1/public/venues').query({ departementCode: '2A', communeInseeCode: '2A004' }).expect(400);
  });

  it('gives a venue registered by ANCT its seat as first site, like an application, so that it is in the public directory once qualified', async () => {
    const created = await http(testApp)
      .post('/api/v1/organisations/venues')
      .set(bearer(anct.token))
      .send({
        name: 'Médiathèque de Mende',
        siret: uniqueSiret(),
        addressLine: '2 place du Foirail',
        postalCode: '48000',
        city: 'Mende',
        communeInseeCode: '48095',
        admin: { email: `mende-${Date.now()}@example.org`, displayName: 'Médiateur' },
      })
      .expect(201);
    const venueId = created.body.organisation.id;
    await decide(testApp, anct, venueId, 'qualify');
    const directory = await http(testApp).get('/api/v1/public/venues').query({ communeInseeCode: '48095' }).expect(200);
    expect(directory.body.items).toEqual([
      {
        id: venueId,
        name: 'Médiathèque de Mende',
        sites: [
          {
            id: expect.any(String),
            name: 'Médiathèque de Mende',
            addressLine: '2 place du Foirail',
            postalCode: '48000',
            city: 'Mende',
            communeInseeCode: '48095',
            openingHours: [],
            accessibilityNotes: null,
          },
        ],
        services: [],
      },
    ]);
    const audit = await testApp.dataSource.query(`SELECT action FROM audit_events WHERE object_organisation_id = $1 ORDER BY id`, [
      venueId,
    ]);
    expect(audit.map((row: { action: string }) => row.action).slice(0, 3)).toEqual([
      'organisation.created',
      'user.invited',
      'venue_site.created',
    ]);
  });

  describe('application flood', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await createTestApp({ settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '2' } });
    });
    afterAll(() => limited.close());

    it('accepts a few applications per address per day, then answers 429 with Retry-After', async () => {
      for (let i = 0; i < 2; i++) await http(limited).post('/api/v1/venues/applications').send(venueApplication()).expect(201);
      const refused = await http(limited).post('/api/v1/venues/applications').send(venueApplication()).expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600);
    });
  });
});
