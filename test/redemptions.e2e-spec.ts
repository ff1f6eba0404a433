import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IdempotencyService } from '../src/common/idempotency/idempotency.service';
import { RedemptionsRepository } from '../src/modules/redemptions/redemptions.repository';
import { addDays, endOfParisDay } from '../src/common/time/paris-time';
import { voucherExpiresAt } from '../src/modules/programmes/programmes.rules';
import { formatVoucherCode } from '../src/modules/vouchers/voucher-code.rules';
import { anctAdmin, bearer, http, LoggedIn, tableCounts, venueAgent } from './support/actors';
import { createReadyOrder } from './support/factories';
import {
  decide,
  issuedVouchers,
  type IssuedStock,
  qrOf,
  qualifiedVenue,
  randomUnknownCode,
  type ReadyVenue,
  redeemRequest,
  withTypo,
} from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';
import { statementHolding } from './support/money-factories';

/** Guessing has its own test file: here the thresholds are out of the way. */
const GENEROUS_LIMITS = {
  VOUCHER_LOOKUP_MAX_FAILURES_PER_ACTOR: '1000',
  VOUCHER_LOOKUP_MAX_FAILURES_PER_VENUE: '1000',
  VOUCHER_LOOKUP_MAX_FAILURES_PER_IP: '1000',
};

describe('Checking and redeeming chèques', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let otherVenue: ReadyVenue;
  let stock: IssuedStock;
  let next = 0;
  /** A fresh issued chèque of the shared stock (50 of them), valid anywhere. */
  const fresh = () => stock.vouchers[next++];
  const status = async (voucherId: string) =>
    (await testApp.dataSource.query(`SELECT status FROM vouchers WHERE id = $1`, [voucherId]))[0].status as string;

  beforeAll(async () => {
    testApp = await createTestApp({ settings: GENEROUS_LIMITS });
    anct = await anctAdmin(testApp);
    [venue, otherVenue] = await Promise.all([qualifiedVenue(testApp, anct, '69387'), qualifiedVenue(testApp, anct, '69123')]);
    stock = await issuedVouchers(testApp, anct, { carnetCount: 5, carnetSize: 10 });
  });
  afterAll(() => testApp.close());

  describe('check (no money moves)', () => {
    it('tells a typed code’s status, value, expiry and that this venue may redeem it', async () => {
      const voucher = fresh();
      const [{ grace_days: graceDays }] = await testApp.dataSource.query(`SELECT grace_days FROM programmes WHERE id = $1`, [
        stock.programme.id,
      ]);
      const response = await http(testApp)
        .post('/api/v1/redemptions/check')
        .set(bearer(venue.agent.token))
        .send({ code: formatVoucherCode(voucher.code).toLowerCase() })
        .expect(200);
      expect(response.body).toEqual({
        serial: voucher.serial,
        status: 'issued',
        valueCents: 1000,
        expiresAt: voucherExpiresAt(stock.programme.validUntil).toISOString(),
        redeemableUntil: endOfParisDay(addDays(stock.programme.validUntil, graceDays)).toISOString(),
        territory: { departements: [], communes: [] },
        redeemable: true,
        refusal: null,
      });
      expect(await status(voucher.id)).toBe('issued');
    });

    it('reads a scanned QR code the same way', async () => {
      const voucher = fresh();
      const response = await http(testApp)
        .post('/api/v1/redemptions/check')
        .set(bearer(venue.agent.token))
        .send({ qr: qrOf(testApp, voucher, stock) })
        .expect(200);
      expect(response.body).toMatchObject({ serial: voucher.serial, redeemable: true });
    });

    it('answers a typo as such, without looking the code up', async () => {
      const lookups = jest.spyOn(testApp.app.get(RedemptionsRepository), 'read');
      const response = await http(testApp)
        .post('/api/v1/redemptions/check')
        .set(bearer(venue.agent.token))
        .send({ code: withTypo(fresh().code) })
        .expect(422);
      expect(response.body.code).toBe('CHECK_CHARACTER_MISMATCH');
      expect(lookups).not.toHaveBeenCalled();
      lookups.mockRestore();
    });

    it('gives every unknown code one and the same answer', async () => {
      const answers = await Promise.all(
        [randomUnknownCode(), randomUnknownCode(), 'AAAA-BBBB'].map((code) =>
          http(testApp).post('/api/v1/redemptions/check').set(bearer(venue.agent.token)).send({ code }).expect(422),
        ),
      );
      const bodies = answers.map(({ body }) => ({ ...body, requestId: undefined }));
      expect(bodies[0]).toEqual({
        statusCode: 422,
        code: 'INVALID_CODE',
        message: 'No chèque matches this code.',
        details: {
          items: [
            { index: 0, serial: null, outcome: 'refused', refusal: { code: 'INVALID_CODE', message: 'No chèque matches this code.' } },
          ],
        },
      });
      expect(bodies[1]).toEqual(bodies[0]);
      expect(bodies[2]).toEqual(bodies[0]);
    });

    it('requires exactly one of code and qr', async () => {
      const response = await http(testApp).post('/api/v1/redemptions/check').set(bearer(venue.agent.token)).send({}).expect(400);
      expect(response.body.details.fields[0].field).toBe('voucher.0');
    });
  });

  describe('redeem', () => {
    it('redeems a typed chèque for a service: status, redemption, money owed and audit in one go', async () => {
      const voucher = fresh();
      const response = await redeemRequest(testApp, venue, [{ code: voucher.code }], randomUUID(), { siteId: venue.siteId }).expect(201);
      expect(response.body).toMatchObject({
        redemptions: [{ id: expect.any(String), voucherId: voucher.id, serial: voucher.serial, valueCents: 1000 }],
        totalValueCents: 1000,
        serviceId: venue.serviceId,
        serviceCategory: 'online_procedures',
        siteId: venue.siteId,
      });
      const redemptionId = response.body.redemptions[0].id;
      expect(await status(voucher.id)).toBe('redeemed');
      const [redemption] = await testApp.dataSource.query(`SELECT * FROM redemptions WHERE id = $1`, [redemptionId]);
      expect(redemption).toMatchObject({
        voucher_id: voucher.id,
        venue_id: venue.venueId,
        site_id: venue.siteId,
        service_id: venue.serviceId,
        funder_id: stock.funder.organisationId,
        order_id: stock.orderId,
        value_cents: 1000,
        mode: 'online',
        redeemed_by_user_id: venue.agent.userId,
        statement_id: null,
      });
      const ledger = await testApp.dataSource.query(
        `SELECT kind, amount_cents, programme_id, venue_id, voucher_id FROM ledger_entries WHERE redemption_id = $1`,
        [redemptionId],
      );
      expect(ledger).toEqual([
        {
          kind: 'redemption_owed_to_venue',
          amount_cents: '1000',
          programme_id: stock.programme.id,
          venue_id: venue.venueId,
          voucher_id: voucher.id,
        },
      ]);
      const audit = await testApp.dataSource.query(
        `SELECT action, actor_kind, actor_user_id, actor_organisation_id, actor_label, request_id, object_organisation_id, before, after
           FROM audit_events WHERE object_id = $1`,
        [voucher.id],
      );
      expect(audit).toEqual([
        {
          action: 'voucher.redeemed',
          actor_kind: 'user',
          actor_user_id: venue.agent.userId,
          actor_organisation_id: venue.venueId,
          actor_label: expect.stringContaining('@'),
          request_id: response.headers['x-request-id'],
          object_organisation_id: stock.funder.organisationId,
          before: { status: 'issued' },
          after: { status: 'redeemed', redemptionId, venueId: venue.venueId, serviceId: venue.serviceId, mode: 'online' },
        },
      ]);

      const again = await http(testApp)
        .post('/api/v1/redemptions/check')
        .set(bearer(venue.agent.token))
        .send({ code: voucher.code })
        .expect(200);
      expect(again.body).toMatchObject({
        status: 'redeemed',
        redeemable: false,
        refusal: {
          code: 'ALREADY_REDEEMED',
          alreadyRedeemed: { redeemedHere: true, redemptionId, site: { id: venue.siteId, name: 'Antenne' } },
        },
      });
    });

    it('redeems a scanned QR, and with an API key of the venue', async () => {
      const key = await http(testApp).post('/api/v1/api-keys').set(bearer(venue.agent.token)).send({ name: 'borne' }).expect(201);
      const voucher = fresh();
      const response = await http(testApp)
        .post('/api/v1/redemptions')
        .set('X-Api-Key', key.body.key)
        .set('Idempotency-Key', randomUUID())
        .send({ serviceId: venue.serviceId, vouchers: [{ qr: qrOf(testApp, voucher, stock) }] })
        .expect(201);
      const [redemption] = await testApp.dataSource.query(
        `SELECT redeemed_by_api_key_id, redeemed_by_user_id FROM redemptions WHERE id = $1`,
        [response.body.redemptions[0].id],
      );
      expect(redemption).toEqual({ redeemed_by_api_key_id: key.body.id, redeemed_by_user_id: null });
    });

    it('redeems two chèques for one long workshop, all or nothing', async () => {
      const [a, b] = [fresh(), fresh()];
      const ok = await redeemRequest(testApp, venue, [{ code: a.code }, { qr: qrOf(testApp, b, stock) }]).expect(201);
      expect(ok.body.totalValueCents).toBe(2000);
      expect(ok.body.redemptions.map((r: { serial: string }) => r.serial)).toEqual([a.serial, b.serial]);
    });

    it('redeems nothing when one chèque of the request is refused, and says which', async () => {
      const [good, bad] = [fresh(), fresh()];
      await testApp.dataSource.query(
        `UPDATE vouchers SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'vol' WHERE id = $1`,
        [bad.id],
      );
      const before = await tableCounts(testApp);
      const response = await redeemRequest(testApp, venue, [{ code: good.code }, { code: bad.code }]).expect(422);
      expect(response.body).toMatchObject({
        code: 'CANCELLED',
        details: {
          items: [
            { index: 0, serial: good.serial, outcome: 'ok', refusal: null },
            { index: 1, serial: bad.serial, outcome: 'refused', refusal: { code: 'CANCELLED' } },
          ],
        },
      });
      const after = await tableCounts(testApp);
      // Only the stored answer of the idempotency key is new.
      expect(after).toEqual({ ...before, idempotency_records: before.idempotency_records + 1 });
      expect(await status(good.id)).toBe('issued');
    });

    it('refuses a tampered QR code', async () => {
      const voucher = fresh();
      const qr = qrOf(testApp, voucher, stock);
      const tampered = qr.slice(0, 20) + (qr[20] === 'A' ? 'B' : 'A') + qr.slice(21);
      const response = await redeemRequest(testApp, venue, [{ qr: tampered }]).expect(422);
      expect(response.body).toMatchObject({
        code: 'INVALID_SIGNATURE',
        details: { items: [{ index: 0, refusal: { code: 'INVALID_SIGNATURE', signatureError: expect.any(String) } }] },
      });
      expect(await status(voucher.id)).toBe('issued');
    });

    it('refuses a QR whose signed serial is not the chèque’s', async () => {
      const [voucher, other] = [fresh(), fresh()];
      const forged = qrOf(testApp, { ...voucher, serial: other.serial }, stock);
      const response = await redeemRequest(testApp, venue, [{ qr: forged }]).expect(422);
      expect(response.body.code).toBe('INVALID_SIGNATURE');
    });

    it('names every refusal with its code', async () => {
      const notIssued = await createReadyOrder(testApp, {
        programme: stock.programme,
        funderId: stock.funder.organisationId,
        carnetCount: 1,
        carnetSize: 1,
      });
      const outside = await issuedVouchers(testApp, anct, {
        funder: stock.funder,
        carnetCount: 1,
        carnetSize: 1,
        territoryDepartements: ['75'],
      });
      const [cancelled, duplicated] = [fresh(), fresh()];
      await testApp.dataSource.query(
        `UPDATE vouchers SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'perdu' WHERE id = $1`,
        [cancelled.id],
      );
      const cases: [object[], number, string][] = [
        [[{ code: notIssued.carnets[0].vouchers[0].code }], 422, 'NOT_ISSUED'],
        [[{ code: outside.vouchers[0].code }], 422, 'OUTSIDE_TERRITORY'],
        [[{ code: cancelled.code }], 422, 'CANCELLED'],
        [[{ code: randomUnknownCode() }], 422, 'INVALID_CODE'],
        [[{ code: withTypo(fresh().code) }], 422, 'CHECK_CHARACTER_MISMATCH'],
        [[{ code: duplicated.code }, { qr: qrOf(testApp, duplicated, stock) }], 422, 'DUPLICATE_VOUCHER_IN_REQUEST'],
        [Array.from({ length: 3 }, () => ({ code: randomUnknownCode() })), 422, 'TOO_MANY_VOUCHERS_FOR_SERVICE'],
      ];
      for (const [vouchers, httpStatus, code] of cases) {
        const response = await redeemRequest(testApp, venue, vouchers);
        expect({ code, status: response.status, answer: response.body.code }).toEqual({ code, status: httpStatus, answer: code });
      }
      const foreignService = await redeemRequest(testApp, venue, [{ code: fresh().code }], randomUUID(), {
        serviceId: otherVenue.serviceId,
      }).expect(422);
      expect(foreignService.body.code).toBe('UNKNOWN_SERVICE');
      const foreignSite = await redeemRequest(testApp, venue, [{ code: fresh().code }], randomUUID(), { siteId: otherVenue.siteId }).expect(
        422,
      );
      expect(foreignSite.body.code).toBe('UNKNOWN_SITE');
    });

    it('accepts a territory-restricted chèque at a site inside the territory', async () => {
      const paris = await issuedVouchers(testApp, anct, {
        funder: stock.funder,
        carnetCount: 1,
        carnetSize: 1,
        territoryCommunes: ['75056'],
      });
      const site = await http(testApp)
        .post(`/api/v1/venues/${venue.venueId}/sites`)
        .set(bearer(venue.agent.token))
        .send({
          name: 'Permanence Paris',
          addressLine: '1 rue de Rivoli',
          postalCode: '75001',
          city: 'Paris',
          communeInseeCode: '75056',
          openingHours: [],
        })
        .expect(201);
      await redeemRequest(testApp, venue, [{ code: paris.vouchers[0].code }]).expect(422);
      await redeemRequest(testApp, venue, [{ code: paris.vouchers[0].code }], randomUUID(), { siteId: site.body.id }).expect(201);
    });

    it('refuses a chèque expired by one second, accepts it one second before, and honours the grace period', async () => {
      const [expired, expiring] = [fresh(), fresh()];
      await testApp.dataSource.query(`UPDATE programmes SET grace_days = 0 WHERE id = $1`, [stock.programme.id]);
      await testApp.dataSource.query(`UPDATE vouchers SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
      await testApp.dataSource.query(`UPDATE vouchers SET expires_at = now() + interval '3 seconds' WHERE id = $1`, [expiring.id]);
      const response = await redeemRequest(testApp, venue, [{ code: expired.code }]).expect(422);
      expect(response.body.code).toBe('EXPIRED');
      await redeemRequest(testApp, venue, [{ code: expiring.code }]).expect(201);

      await testApp.dataSource.query(`UPDATE programmes SET grace_days = 31 WHERE id = $1`, [stock.programme.id]);
      await redeemRequest(testApp, venue, [{ code: expired.code }]).expect(201);
    });

    it('answers ALREADY_REDEEMED with when — and where only to the venue that redeemed it', async () => {
      const voucher = fresh();
      const first = await redeemRequest(testApp, venue, [{ code: voucher.code }], randomUUID(), { siteId: venue.siteId }).expect(201);
      const here = await redeemRequest(testApp, venue, [{ code: voucher.code }]).expect(409);
      expect(here.body).toMatchObject({
        code: 'ALREADY_REDEEMED',
        details: {
          items: [
            {
              refusal: {
                code: 'ALREADY_REDEEMED',
                alreadyRedeemed: {
                  redeemedAt: expect.any(String),
                  redeemedHere: true,
                  redemptionId: first.body.redemptions[0].id,
                  site: { id: venue.siteId },
                },
              },
            },
          ],
        },
      });
      const elsewhere = await redeemRequest(testApp, otherVenue, [{ code: voucher.code }]).expect(409);
      expect(elsewhere.body.details.items[0]).toEqual({
        index: 0,
        serial: voucher.serial,
        outcome: 'refused',
        refusal: {
          code: 'ALREADY_REDEEMED',
          message: 'This chèque has already been redeemed.',
          alreadyRedeemed: { redeemedAt: here.body.details.items[0].refusal.alreadyRedeemed.redeemedAt, redeemedHere: false },
        },
      });
    });

    it('refuses venues that are not qualified: pending, then suspended', async () => {
      const pending = await venueAgent(testApp, anct);
      const service = await http(testApp)
        .post(`/api/v1/venues/${pending.organisationId}/services`)
        .set(bearer(pending.token))
        .send({ label: 'Atelier', category: 'first_steps', durationMinutes: 60 })
        .expect(201);
      const asPending: ReadyVenue = { agent: pending, venueId: pending.organisationId, serviceId: service.body.id, siteId: '' };
      const voucher = fresh();
      const refused = await redeemRequest(testApp, asPending, [{ code: voucher.code }]).expect(422);
      expect(refused.body).toMatchObject({ code: 'VENUE_NOT_QUALIFIED', details: { qualificationStatus: 'pending' } });
      const checked = await http(testApp)
        .post('/api/v1/redemptions/check')
        .set(bearer(pending.token))
        .send({ code: voucher.code })
        .expect(200);
      expect(checked.body).toMatchObject({ redeemable: false, refusal: { code: 'VENUE_NOT_QUALIFIED' } });

      await decide(testApp, anct, asPending.venueId, 'qualify');
      await decide(testApp, anct, asPending.venueId, 'suspend', 'Contrôle en cours');
      const suspended = await redeemRequest(testApp, asPending, [{ code: voucher.code }]).expect(422);
      expect(suspended.body).toMatchObject({ code: 'VENUE_NOT_QUALIFIED', details: { qualificationStatus: 'suspended' } });
      expect(await status(voucher.id)).toBe('issued');
    });
  });

  describe('idempotency', () => {
    it('answers the same key ten times with one redemption and identical responses', async () => {
      const voucher = fresh();
      const key = randomUUID();
      const responses = [];
      for (let i = 0; i < 10; i++) responses.push(await redeemRequest(testApp, venue, [{ code: voucher.code }], key).expect(201));
      expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
      expect(responses.map((response) => response.headers['idempotent-replayed'])).toEqual([undefined, ...Array(9).fill('true')]);
      const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM redemptions WHERE voucher_id = $1`, [
        voucher.id,
      ]);
      expect(count).toBe(1);
    });

    it('never acts twice for one key sent concurrently', async () => {
      const voucher = fresh();
      const key = randomUUID();
      const responses = await Promise.all(Array.from({ length: 10 }, () => redeemRequest(testApp, venue, [{ code: voucher.code }], key)));
      const created = responses.filter((response) => response.status === 201);
      const inProgress = responses.filter((response) => response.status === 409);
      expect(created.length + inProgress.length).toBe(10);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((response) => JSON.stringify(response.body))).size).toBe(1);
      for (const response of inProgress) expect(response.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM redemptions WHERE voucher_id = $1`, [
        voucher.id,
      ]);
      expect(count).toBe(1);
    });

    it('refuses the same key with another body (422) and a missing key (400)', async () => {
      const [a, b] = [fresh(), fresh()];
      const key = randomUUID();
      await redeemRequest(testApp, venue, [{ code: a.code }], key).expect(201);
      const reused = await redeemRequest(testApp, venue, [{ code: b.code }], key).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await status(b.id)).toBe('issued');
      const missing = await http(testApp)
        .post('/api/v1/redemptions')
        .set(bearer(venue.agent.token))
        .send({ serviceId: venue.serviceId, vouchers: [{ code: b.code }] })
        .expect(400);
      expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      // Keys are per venue: another venue may use the same one for its own request.
      await redeemRequest(testApp, otherVenue, [{ code: b.code }], key).expect(201);
    });

    it('replays a stored refusal as it was', async () => {
      const voucher = fresh();
      await redeemRequest(testApp, venue, [{ code: voucher.code }]).expect(201);
      const key = randomUUID();
      const first = await redeemRequest(testApp, otherVenue, [{ code: voucher.code }], key).expect(409);
      const replay = await redeemRequest(testApp, otherVenue, [{ code: voucher.code }], key).expect(409);
      expect(replay.body).toEqual(first.body);
    });

    it('answers 409 to a retry while the first request is still running', async () => {
      const voucher = fresh();
      const key = randomUUID();
      const blocker = new Client({ connectionString: testApp.config.DATABASE_URL });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query(`SELECT id FROM vouchers WHERE id = $1 FOR UPDATE`, [voucher.id]);
        const first = redeemRequest(testApp, venue, [{ code: voucher.code }], key).then((response) => response);
        await waitUntil(async () => {
          const { rows } = await blocker.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].waiting > 0;
        });
        const retry = await redeemRequest(testApp, venue, [{ code: voucher.code }], key).expect(409);
        expect(retry.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
        await blocker.query('COMMIT');
        expect((await first).status).toBe(201);
        await redeemRequest(testApp, venue, [{ code: voucher.code }], key).expect(201);
      } finally {
        await blocker.end();
      }
    });

    it('forgets answers older than the retention period, and only those', async () => {
      const [old, recent] = [fresh(), fresh()];
      const [oldKey, recentKey] = [randomUUID(), randomUUID()];
      await redeemRequest(testApp, venue, [{ code: old.code }], oldKey).expect(201);
      await redeemRequest(testApp, venue, [{ code: recent.code }], recentKey).expect(201);
      const retentionDays = testApp.config.IDEMPOTENCY_RETENTION_DAYS;
      await testApp.dataSource.query(
        `UPDATE idempotency_records SET created_at = now() - make_interval(days => $2, mins => 1) WHERE key = $1`,
        [oldKey, retentionDays],
      );

      expect(await testApp.app.get(IdempotencyService, { strict: false }).purgeExpired(new Date())).toBe(1);

      // The recent key still replays its answer; the forgotten one runs again, as a new request would.
      await redeemRequest(testApp, venue, [{ code: recent.code }], recentKey)
        .expect(201)
        .expect('Idempotent-Replayed', 'true');
      const again = await redeemRequest(testApp, venue, [{ code: old.code }], oldKey).expect(409);
      expect(again.body.code).toBe('ALREADY_REDEEMED');
    });
  });

  describe('undo', () => {
    it('cancels its own redemption within 24 h: chèque redeemable again, reversing ledger line, audited', async () => {
      const voucher = fresh();
      const redeemed = await redeemRequest(testApp, venue, [{ code: voucher.code }]).expect(201);
      const redemptionId = redeemed.body.redemptions[0].id;
      await http(testApp)
        .post(`/api/v1/redemptions/${redemptionId}/cancel`)
        .set(bearer(otherVenue.agent.token))
        .send({ reason: 'pas à nous' })
        .expect(404);
      const cancelled = await http(testApp)
        .post(`/api/v1/redemptions/${redemptionId}/cancel`)
        .set(bearer(venue.agent.token))
        .send({ reason: 'Erreur de saisie' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ id: redemptionId, status: 'cancelled', cancellationReason: 'Erreur de saisie' });
      expect(await status(voucher.id)).toBe('issued');
      const ledger = await testApp.dataSource.query(
        `SELECT amount_cents, reverses_entry_id IS NOT NULL AS reversal FROM ledger_entries WHERE redemption_id = $1 ORDER BY id`,
        [redemptionId],
      );
      expect(ledger).toEqual([
        { amount_cents: '1000', reversal: false },
        { amount_cents: '-1000', reversal: true },
      ]);
      const audit = await testApp.dataSource.query(`SELECT action FROM audit_events WHERE object_id IN ($1, $2) ORDER BY id`, [
        redemptionId,
        voucher.id,
      ]);
      expect(audit.map((row: { action: string }) => row.action)).toEqual([
        'voucher.redeemed',
        'redemption.cancelled',
        'voucher.redemption_undone',
      ]);
      const twice = await http(testApp)
        .post(`/api/v1/redemptions/${redemptionId}/cancel`)
        .set(bearer(venue.agent.token))
        .send({ reason: 'encore' })
        .expect(409);
      expect(twice.body.code).toBe('INVALID_STATE_TRANSITION');
      await redeemRequest(testApp, otherVenue, [{ code: voucher.code }]).expect(201);
    });

    it('refuses after 24 h and once a reimbursement statement holds it', async () => {
      const [late, stated] = [fresh(), fresh()];
      const ids = [];
      for (const voucher of [late, stated])
        ids.push((await redeemRequest(testApp, venue, [{ code: voucher.code }]).expect(201)).body.redemptions[0].id);
      await testApp.dataSource.query(`UPDATE redemptions SET recorded_at = now() - interval '24 hours 1 second' WHERE id = $1`, [ids[0]]);
      await statementHolding(testApp, venue.venueId, [ids[1]]);
      const tooLate = await http(testApp)
        .post(`/api/v1/redemptions/${ids[0]}/cancel`)
        .set(bearer(venue.agent.token))
        .send({ reason: 'trop tard' })
        .expect(422);
      expect(tooLate.body).toMatchObject({ code: 'REDEMPTION_NOT_CANCELLABLE', details: { reason: 'UNDO_WINDOW_PASSED' } });
      const inStatement = await http(testApp)
        .post(`/api/v1/redemptions/${ids[1]}/cancel`)
        .set(bearer(venue.agent.token))
        .send({ reason: 'relevé' })
        .expect(422);
      expect(inStatement.body).toMatchObject({ code: 'REDEMPTION_NOT_CANCELLABLE', details: { reason: 'IN_STATEMENT' } });
      expect([await status(late.id), await status(stated.id)]).toEqual(['redeemed', 'redeemed']);
    });
  });

  describe('carnet used up', () => {
    it('moves the carnet to fully_used with its last live chèque, even when its last two are redeemed at once, and back on undo', async () => {
      const carnet = await issuedVouchers(testApp, anct, { carnetCount: 1, carnetSize: 5 });
      const [first, second, opposed, lastA, lastB] = carnet.vouchers;
      const [{ carnet_id: carnetId }] = await testApp.dataSource.query(`SELECT carnet_id FROM vouchers WHERE id = $1`, [first.id]);
      const carnetStatus = async () => (await testApp.dataSource.query(`SELECT status FROM carnets WHERE id = $1`, [carnetId]))[0].status;
      await testApp.dataSource.query(
        `UPDATE vouchers SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'lost' WHERE id = $1`,
        [opposed.id],
      );
      await redeemRequest(testApp, venue, [{ code: first.code }, { code: second.code }]).expect(201);
      expect(await carnetStatus()).toBe('issued');

      const [a, b] = await Promise.all([
        redeemRequest(testApp, venue, [{ code: lastA.code }]),
        redeemRequest(testApp, otherVenue, [{ code: lastB.code }]),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(await carnetStatus()).toBe('fully_used');
      const closing = await testApp.dataSource.query(
        `SELECT action, before, after FROM audit_events WHERE object_id = $1 AND action LIKE 'carnet.%'`,
        [carnetId],
      );
      expect(closing).toEqual([
        { action: 'carnet.fully_used', before: { status: 'issued' }, after: { status: 'fully_used', redemptionId: expect.any(String) } },
      ]);

      await http(testApp)
        .post(`/api/v1/redemptions/${a.body.redemptions[0].id}/cancel`)
        .set(bearer(venue.agent.token))
        .send({ reason: 'Erreur' })
        .expect(200);
      expect(await carnetStatus()).toBe('issued');
      const reopened = await testApp.dataSource.query(
        `SELECT action FROM audit_events WHERE object_id = $1 AND action = 'carnet.reopened'`,
        [carnetId],
      );
      expect(reopened).toHaveLength(1);
      await redeemRequest(testApp, otherVenue, [{ code: lastA.code }]).expect(201);
      expect(await carnetStatus()).toBe('fully_used');
    });
  });

  describe('venue views', () => {
    it('lists its own redemptions with filters and pages, and totals what is pending reimbursement', async () => {
      const mine = await http(testApp).get('/api/v1/redemptions').query({ limit: 200 }).set(bearer(venue.agent.token)).expect(200);
      expect(mine.body.total).toBeGreaterThan(5);
      expect(mine.body.items.every((item: { venueId: string }) => item.venueId === venue.venueId)).toBe(true);
      const active = mine.body.items.filter((item: { status: string }) => item.status === 'active');

      const page = await http(testApp).get('/api/v1/redemptions').query({ limit: 2, offset: 1 }).set(bearer(venue.agent.token)).expect(200);
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual(
        mine.body.items.slice(1, 3).map((item: { id: string }) => item.id),
      );
      const cancelled = await http(testApp)
        .get('/api/v1/redemptions')
        .query({ status: 'cancelled' })
        .set(bearer(venue.agent.token))
        .expect(200);
      expect(cancelled.body.total).toBe(mine.body.items.length - active.length);
      const future = await http(testApp)
        .get('/api/v1/redemptions')
        .query({ from: new Date(Date.now() + 60_000).toISOString() })
        .set(bearer(venue.agent.token))
        .expect(200);
      expect(future.body.total).toBe(0);

      const totals = await http(testApp).get('/api/v1/redemptions/totals').set(bearer(venue.agent.token)).expect(200);
      const activeValue = active.reduce((sum: number, item: { valueCents: number }) => sum + item.valueCents, 0);
      const inStatement = active.filter((item: { statementId: string | null }) => item.statementId).length;
      expect(totals.body).toEqual({
        venueId: venue.venueId,
        owedCents: activeValue,
        paidCents: 0,
        pendingReimbursementCents: activeValue,
        notYetInStatement: { count: active.length - inStatement, valueCents: activeValue - inStatement * 1000 },
      });
    });

    it('never shows a redemption to another venue (404), and lets ANCT read them all', async () => {
      const voucher = fresh();
      const redeemed = await redeemRequest(testApp, venue, [{ code: voucher.code }]).expect(201);
      const id = redeemed.body.redemptions[0].id;
      await http(testApp).get(`/api/v1/redemptions/${id}`).set(bearer(venue.agent.token)).expect(200);
      const other = await http(testApp).get(`/api/v1/redemptions/${id}`).set(bearer(otherVenue.agent.token)).expect(404);
      const missing = await http(testApp).get(`/api/v1/redemptions/${randomUUID()}`).set(bearer(otherVenue.agent.token)).expect(404);
      expect({ ...other.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
      const theirs = await http(testApp).get('/api/v1/redemptions').query({ limit: 200 }).set(bearer(otherVenue.agent.token)).expect(200);
      expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
      const forAnct = await http(testApp)
        .get('/api/v1/redemptions')
        .query({ venueId: venue.venueId, limit: 1 })
        .set(bearer(anct.token))
        .expect(200);
      expect(forAnct.body.items[0].venueId).toBe(venue.venueId);
      await http(testApp).get(`/api/v1/redemptions/${id}`).set(bearer(anct.token)).expect(200);
    });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
