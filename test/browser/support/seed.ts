import { uniqueEmail, uniqueSiren, uniqueSiret } from '../../support/identifiers';
import { runScript, type BrowserServer } from './browser-server';

export const BROWSER_PASSWORD = 'un mot de passe assez long';

export interface SeededUser {
  email: string;
  password: string;
  /** A bearer token, to prepare data through the API as software would. */
  token: string;
  organisationName: string;
}

export interface SeededUsers {
  anct: SeededUser;
  funder: SeededUser;
  prescriber: SeededUser;
  venue: SeededUser;
}

async function call<T>(server: BrowserServer, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function accept(server: BrowserServer, email: string, organisationName: string, invitationToken: string): Promise<SeededUser> {
  const tokens = await call<{ accessToken: string }>(server, 'POST', '/auth/accept-invitation', {
    token: invitationToken,
    password: BROWSER_PASSWORD,
  });
  return { email, password: BROWSER_PASSWORD, token: tokens.accessToken, organisationName };
}

/**
 * One person of each role, made as an install makes them: the first ANCT admin by its script, then
 * every organisation through the API, each invitation accepted with a password.
 */
export async function seedUsers(server: BrowserServer): Promise<SeededUsers> {
  const anctEmail = uniqueEmail('anct');
  const printed = await runScript(server, 'create-anct-admin', [anctEmail, 'Camille Admin']);
  const anctToken = /token: (\S+)/.exec(printed)?.[1];
  if (!anctToken) throw new Error(`create-anct-admin printed no token:\n${printed}`);
  const anct = await accept(server, anctEmail, 'ANCT', anctToken);

  type Created = { adminInvitation: { invitationToken: string } };
  const funderEmail = uniqueEmail('funder');
  const funderName = 'Département du Rhône';
  const funderCreated = await call<Created>(
    server,
    'POST',
    '/organisations/funders',
    {
      name: funderName,
      siren: uniqueSiren(),
      funderKind: 'departement',
      departementCode: '69',
      admin: { email: funderEmail, displayName: 'Dominique Financeur' },
    },
    anct.token,
  );
  const funder = await accept(server, funderEmail, funderName, funderCreated.adminInvitation.invitationToken);

  const prescriberEmail = uniqueEmail('prescriber');
  const prescriberName = 'CCAS de Villeurbanne';
  const prescriberCreated = await call<Created>(
    server,
    'POST',
    '/organisations/prescribers',
    {
      name: prescriberName,
      siret: uniqueSiret(),
      communeInseeCode: '69266',
      admin: { email: prescriberEmail, displayName: 'Sacha Prescriptrice' },
    },
    funder.token,
  );
  const prescriber = await accept(server, prescriberEmail, prescriberName, prescriberCreated.adminInvitation.invitationToken);

  const venueEmail = uniqueEmail('venue');
  const venueName = 'Espace numérique de la Guillotière';
  const venueCreated = await call<Created>(
    server,
    'POST',
    '/organisations/venues',
    {
      name: venueName,
      siret: uniqueSiret(),
      addressLine: '1 rue de la Paix',
      postalCode: '69007',
      city: 'Lyon',
      communeInseeCode: '69387',
      admin: { email: venueEmail, displayName: 'Alex Médiatrice' },
    },
    anct.token,
  );
  const venue = await accept(server, venueEmail, venueName, venueCreated.adminInvitation.invitationToken);
  return { anct, funder, prescriber, venue };
}
