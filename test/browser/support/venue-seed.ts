import type { BrowserServer } from './browser-server';
import type { SeededUser, SeededUsers } from './seed';

export async function callApi<T>(server: BrowserServer, method: string, path: string, user?: SeededUser, body?: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(user ? { Authorization: `Bearer ${user.token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface PublicVenueSeed {
  venueId: string;
  siteId: string;
  siteName: string;
  serviceId: string;
  serviceLabel: string;
}

/**
 * The seeded venue made public as its users would: its administrator describes its seat (standard
 * fields, OSM hours open every day so the page says « Ouvert maintenant » whenever the test runs) and
 * adds a service, then ANCT qualifies it.
 */
export async function seedPublicVenue(server: BrowserServer, users: SeededUsers): Promise<PublicVenueSeed> {
  const { organisationId: venueId } = await callApi<{ organisationId: string }>(server, 'GET', '/auth/me', users.venue);
  const venue = await callApi<{ sites: { id: string; name: string }[] }>(server, 'GET', `/venues/${venueId}`, users.venue);
  const seat = venue.sites[0]!;
  await callApi(server, 'PUT', `/venues/${venueId}/sites/${seat.id}`, users.venue, {
    name: seat.name,
    addressLine: '1 rue de la Paix',
    postalCode: '69007',
    city: 'Lyon',
    communeInseeCode: '69387',
    openingHours: [],
    openingHoursOsm: '24/7',
    standardServices: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien'],
    supportModes: ['Accompagnement individuel', 'Dans un atelier collectif'],
    accessModes: ['Se présenter', 'Téléphoner'],
    fees: ['Gratuit'],
    phone: '+33478000000',
    emails: ['contact@epn-guillotiere.fr'],
    latitude: 45.7485,
    longitude: 4.8467,
    accessibilityNotes: 'Entrée de plain-pied, boucle magnétique à l’accueil.',
    summary: 'Ateliers pour débuter et aide aux démarches en ligne.',
  });
  const serviceLabel = 'Atelier démarches en ligne';
  const service = await callApi<{ id: string }>(server, 'POST', `/venues/${venueId}/services`, users.venue, {
    label: serviceLabel,
    category: 'online_procedures',
    durationMinutes: 120,
    maxVouchers: 2,
  });
  await callApi(server, 'POST', `/venues/${venueId}/qualification`, users.anct, { decision: 'qualify', reason: 'Lieu vérifié' });
  return { venueId, siteId: seat.id, siteName: seat.name, serviceId: service.id, serviceLabel };
}
