import request from 'supertest';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import type { VenueProfile } from '../../src/modules/venues/venues.service';
import type { TestApp } from './test-app';
import { uniqueEmail, uniqueSiren, uniqueSiret } from './identifiers';
import { invitationInOutbox } from './outbox';

export const TEST_PASSWORD = 'a long enough test password';

export interface LoggedIn {
  email: string;
  token: string;
  userId: string;
  organisationId: string;
}

export function http(testApp: TestApp) {
  return request(testApp.app.getHttpServer());
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

async function acceptInvitation(testApp: TestApp, invitationToken: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await http(testApp)
    .post('/api/v1/auth/accept-invitation')
    .send({ token: invitationToken, password: TEST_PASSWORD })
    .expect(200);
  return response.body;
}

/** A colleague `by` invites into its organisation, invitation accepted: the new user's id, e-mail and tokens. */
export async function invitedColleague(testApp: TestApp, by: { token: string }) {
  const invited = await http(testApp)
    .post('/api/v1/users')
    .set(bearer(by.token))
    .send({ email: uniqueEmail('colleague'), displayName: 'Collègue' })
    .expect(201);
  const { accessToken, refreshToken } = await acceptInvitation(testApp, invited.body.invitationToken);
  return { id: invited.body.user.id as string, email: invited.body.user.email as string, accessToken, refreshToken };
}

async function asLoggedIn(testApp: TestApp, email: string, invitationToken: string): Promise<LoggedIn> {
  const { accessToken: token } = await acceptInvitation(testApp, invitationToken);
  const me = await http(testApp).get('/api/v1/auth/me').set(bearer(token)).expect(200);
  return { email, token, userId: me.body.userId, organisationId: me.body.organisationId };
}

export async function anctAdmin(testApp: TestApp): Promise<LoggedIn> {
  const email = uniqueEmail('anct');
  const invitation = await testApp.app.get(OrganisationsService).bootstrapAnctAdmin(email, 'Admin ANCT');
  return asLoggedIn(testApp, email, invitation.invitationToken);
}

export async function funderManager(testApp: TestApp, anct: LoggedIn, departementCode = '69'): Promise<LoggedIn> {
  const email = uniqueEmail('funder');
  const response = await http(testApp)
    .post('/api/v1/organisations/funders')
    .set(bearer(anct.token))
    .send({
      name: `Département ${departementCode}`,
      siren: uniqueSiren(),
      funderKind: 'departement',
      departementCode,
      admin: { email, displayName: 'Gestionnaire' },
    })
    .expect(201);
  return asLoggedIn(testApp, email, response.body.adminInvitation.invitationToken);
}

export async function prescriberAgent(testApp: TestApp, funder: LoggedIn, communeInseeCode = '69266'): Promise<LoggedIn> {
  const email = uniqueEmail('prescriber');
  const response = await http(testApp)
    .post('/api/v1/organisations/prescribers')
    .set(bearer(funder.token))
    .send({ name: 'CCAS', siret: uniqueSiret(), communeInseeCode, admin: { email, displayName: 'Agent CCAS' } })
    .expect(201);
  return asLoggedIn(testApp, email, response.body.adminInvitation.invitationToken);
}

export async function venueAgent(testApp: TestApp, anct: LoggedIn, communeInseeCode = '69387'): Promise<LoggedIn> {
  const email = uniqueEmail('venue');
  const response = await http(testApp)
    .post('/api/v1/organisations/venues')
    .set(bearer(anct.token))
    .send({
      name: 'EPN',
      siret: uniqueSiret(),
      addressLine: '1 rue de la Paix',
      postalCode: '69007',
      city: 'Lyon',
      communeInseeCode,
      admin: { email, displayName: 'Médiatrice' },
    })
    .expect(201);
  return asLoggedIn(testApp, email, response.body.adminInvitation.invitationToken);
}

/**
 * A venue that applied on its own (`POST /venues/applications`, no account needed), its administrator logged in
 * with the invitation e-mailed to them: the answer to the application does not carry it.
 */
export async function appliedVenueAgent(testApp: TestApp, application: { admin: { email: string } }) {
  const response = await http(testApp).post('/api/v1/venues/applications').send(application).expect(201);
  const { token } = await invitationInOutbox(testApp.dataSource, application.admin.email);
  const agent = await asLoggedIn(testApp, application.admin.email, token);
  return { agent, venue: response.body.venue as VenueProfile };
}

/** Counts rows of every table: "nothing changed" in one comparison. */
export async function tableCounts(testApp: TestApp): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await testApp.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM "${table_name}"`);
    counts[table_name] = count;
  }
  return counts;
}
