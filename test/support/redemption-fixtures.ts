import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SigningKeysService } from '../../src/modules/signing/signing-keys.service';
import { signVoucherQr } from '../../src/modules/signing/voucher-signature';
import {
  computeVoucherCheckCharacter,
  VOUCHER_CODE_ALPHABET,
  VOUCHER_CODE_PAYLOAD_LENGTH,
} from '../../src/modules/vouchers/voucher-code.rules';
import type { ProgrammeEntity } from '../../src/modules/programmes/programme.entity';
import { appliedVenueAgent, bearer, funderManager, http, type LoggedIn, prescriberAgent, venueAgent } from './actors';
import { uniqueEmail, uniqueSiret } from './identifiers';
import {
  allocateCarnets,
  createProgramme,
  createReadyOrder,
  markCarnetsIssued,
  type ReadyOrderOptions,
  type StockVoucher,
} from './factories';
import type { TestApp } from './test-app';

/** A venue that may redeem: created by ANCT, with one service (up to `maxVouchers` chèques) and one site, qualified. */
export interface ReadyVenue {
  agent: LoggedIn;
  venueId: string;
  serviceId: string;
  siteId: string;
}

export async function qualifiedVenue(testApp: TestApp, anct: LoggedIn, communeInseeCode = '69387', maxVouchers = 2): Promise<ReadyVenue> {
  const agent = await venueAgent(testApp, anct, communeInseeCode);
  const venueId = agent.organisationId;
  const service = await http(testApp)
    .post(`/api/v1/venues/${venueId}/services`)
    .set(bearer(agent.token))
    .send({ label: 'Atelier démarches en ligne', category: 'online_procedures', durationMinutes: 120, maxVouchers })
    .expect(201);
  const site = await http(testApp)
    .post(`/api/v1/venues/${venueId}/sites`)
    .set(bearer(agent.token))
    .send({
      name: 'Antenne',
      addressLine: '3 place du Marché',
      postalCode: '69007',
      city: 'Lyon',
      communeInseeCode,
      openingHours: [{ day: 2, opens: '09:00', closes: '12:00' }],
    })
    .expect(201);
  await decide(testApp, anct, venueId, 'qualify');
  return { agent, venueId, serviceId: service.body.id, siteId: site.body.id };
}

/**
 * A venue as it comes in: its own public application (its seat as first site, its services), its
 * administrator's invitation accepted, then qualified by ANCT. Redeems for its `online_procedures` service.
 */
export async function appliedQualifiedVenue(
  testApp: TestApp,
  anct: LoggedIn,
  overrides: Record<string, unknown> = {},
): Promise<ReadyVenue> {
  const { agent, venue } = await appliedVenueAgent(testApp, venueApplication(overrides));
  await decide(testApp, anct, venue.id, 'qualify');
  return {
    agent,
    venueId: venue.id,
    serviceId: venue.services.find((service) => service.category === 'online_procedures')!.id,
    siteId: venue.sites[0].id,
  };
}

/** A complete venue application (seat, a second site, two services), unique SIRET and e-mail. */
export function venueApplication(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Espace public numérique de la Guillotière',
    siret: uniqueSiret(),
    addressLine: '12 rue de Marseille',
    postalCode: '69007',
    city: 'Lyon',
    communeInseeCode: '69387',
    admin: { email: uniqueEmail('epn'), displayName: 'Camille Médiatrice' },
    openingHours: [
      { day: 2, opens: '09:00', closes: '12:30' },
      { day: 2, opens: '14:00', closes: '18:00' },
    ],
    accessibilityNotes: 'Accès de plain-pied, boucle magnétique.',
    services: [
      { label: 'Premiers pas sur ordinateur', category: 'first_steps', durationMinutes: 120 },
      { label: 'Démarches CAF et impôts', category: 'online_procedures', durationMinutes: 240, maxVouchers: 2 },
    ],
    additionalSites: [
      {
        name: 'Permanence à la médiathèque',
        addressLine: '2 place Bellecour',
        postalCode: '69002',
        city: 'Lyon',
        communeInseeCode: '69382',
        openingHours: [{ day: 6, opens: '10:00', closes: '12:00' }],
      },
    ],
    ...overrides,
  };
}

export async function decide(testApp: TestApp, anct: LoggedIn, venueId: string, decision: string, reason?: string) {
  return http(testApp).post(`/api/v1/venues/${venueId}/qualification`).set(bearer(anct.token)).send({ decision, reason }).expect(200);
}

export interface IssuedStock {
  programme: ProgrammeEntity;
  funder: LoggedIn;
  orderId: string;
  vouchers: StockVoucher[];
  expiresAt: Date;
  territory: string[];
}

/** Chèques handed to beneficiaries: an order generated, its carnets allocated to a prescriber, then issued. */
export async function issuedVouchers(
  testApp: TestApp,
  anct: LoggedIn,
  options: Partial<Omit<ReadyOrderOptions, 'programme' | 'funderId'>> & { programme?: Partial<ProgrammeEntity>; funder?: LoggedIn } = {},
): Promise<IssuedStock> {
  const funder = options.funder ?? (await funderManager(testApp, anct));
  const prescriber = await prescriberAgent(testApp, funder);
  const programme = await createProgramme(testApp, options.programme);
  const ready = await createReadyOrder(testApp, { ...options, programme, funderId: funder.organisationId });
  const carnetIds = ready.carnets.map((carnet) => carnet.id);
  await allocateCarnets(testApp, carnetIds, prescriber.organisationId);
  await markCarnetsIssued(testApp, carnetIds);
  return {
    programme,
    funder,
    orderId: ready.order.id,
    vouchers: ready.carnets.flatMap((carnet) => carnet.vouchers),
    expiresAt: ready.expiresAt,
    territory: [...(options.territoryDepartements ?? []), ...(options.territoryCommunes ?? [])],
  };
}

/** The QR text printed on a chèque, signed with the configured key (expiry truncated to whole seconds, as printed). */
export function qrOf(testApp: TestApp, voucher: StockVoucher, stock: Pick<IssuedStock, 'expiresAt' | 'territory'>): string {
  const now = new Date();
  const expiresAt = new Date(Math.floor(stock.expiresAt.getTime() / 1000) * 1000);
  const key = testApp.app.get(SigningKeysService).signingKeyFor(now, expiresAt);
  if (!key) throw new Error('no signing key covers this chèque');
  return signVoucherQr({ serial: voucher.serial, code: voucher.code, expiresAt, territory: stock.territory }, key, now);
}

export function redeemRequest(testApp: TestApp, venue: ReadyVenue, vouchers: object[], key: string = randomUUID(), extra: object = {}) {
  return http(testApp)
    .post('/api/v1/redemptions')
    .set(bearer(venue.agent.token))
    .set('Idempotency-Key', key)
    .send({ serviceId: venue.serviceId, vouchers, ...extra });
}

/** The API on a real port, for many concurrent requests over kept-alive connections. */
export async function listeningUrl(testApp: TestApp): Promise<string> {
  const server = testApp.app.getHttpServer();
  if (!server.listening) await testApp.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A code with a correct check character that no chèque has (75 random bits: a collision is not a concern). */
export function randomUnknownCode(): string {
  const payload = Array.from(randomBytes(VOUCHER_CODE_PAYLOAD_LENGTH), (byte) => VOUCHER_CODE_ALPHABET[byte % 32]).join('');
  return payload + computeVoucherCheckCharacter(payload);
}

/** The same code with a wrong check character: what a typo looks like. */
export function withTypo(code: string): string {
  const last = code.at(-1)!;
  return code.slice(0, -1) + (last === '0' ? '1' : '0');
}
