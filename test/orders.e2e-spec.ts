import { VoucherCodeSecrets } from '../src/modules/vouchers/voucher-code-secrets';
import { deriveVoucherCode, hashVoucherCode, parseVoucherCode } from '../src/modules/vouchers/voucher-code.rules';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts, venueAgent } from './support/actors';
import {
  approvedOrder,
  draftOrder,
  enrolViaApi,
  OrderSteps,
  paidOrder,
  paymentOf,
  programmeViaApi,
  submittedOrder,
  waitUntilReady,
} from './support/orders';
import { createTestApp, TestApp } from './support/test-app';

describe('Programmes and the order journey (funder orders, ANCT approves and records payment, the worker generates)', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let otherFunder: LoggedIn;
  let prescriber: LoggedIn;
  let venue: LoggedIn;
  let programme: { id: string };
  let steps: OrderSteps;

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    otherFunder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    venue = await venueAgent(testApp, anct);
    // 10 € chèques, 4 % fee, 50 % State share, minimum 10 000 €, cap 30 000 € of State share.
    programme = await programmeViaApi(testApp, anct, { minimumOrderCents: 1_000_000, defaultFunderCapCents: 3_000_000 });
    await enrolViaApi(testApp, anct, programme.id, funder.organisationId, 2_000_000);
    await enrolViaApi(testApp, anct, programme.id, otherFunder.organisationId);
    steps = { anct, funder, programmeId: programme.id };
  });
  afterAll(() => testApp.close());

  describe('programmes', () => {
    it('are created by ANCT with the documented defaults', async () => {
      const response = await http(testApp)
        .post('/api/v1/programmes')
        .set(bearer(anct.token))
        .send({ name: 'Pass numérique 2026 — défauts', year: 2026, validUntil: '2026-12-31' })
        .expect(201);
      expect(response.body).toMatchObject({
        status: 'open',
        faceValueCents: 1000,
        allowedCarnetSizes: [5, 10],
        stateShareRateBp: 5000,
        operatorFeeRateBp: 400,
        defaultFunderCapCents: 300000000,
        minimumOrderCents: 1000000,
        graceDays: 31,
        targetPublicMinRateBp: 5000,
      });
      const duplicate = await http(testApp)
        .post('/api/v1/programmes')
        .set(bearer(anct.token))
        .send({ name: 'Pass numérique 2026 — défauts', year: 2026, validUntil: '2026-12-31' })
        .expect(409);
      expect(duplicate.body.code).toBe('PROGRAMME_ALREADY_EXISTS');
    });

    it('refuse invalid settings with the fields named', async () => {
      const response = await http(testApp)
        .post('/api/v1/programmes')
        .set(bearer(anct.token))
        .send({ name: 'P', year: 2026, validUntil: '2026-02-30', stateShareRateBp: 10_001, allowedCarnetSizes: [0], faceValueCents: 10.5 })
        .expect(400);
      expect(response.body.details.fields.map((field: { field: string }) => field.field).sort()).toEqual(
        ['allowedCarnetSizes', 'faceValueCents', 'name', 'stateShareRateBp', 'validUntil'].sort(),
      );
    });

    it('are updated by ANCT, audited with before and after', async () => {
      const created = await programmeViaApi(testApp, anct);
      const updated = await http(testApp)
        .patch(`/api/v1/programmes/${created.id}`)
        .set(bearer(anct.token))
        .send({ operatorFeeRateBp: 0, status: 'closed' })
        .expect(200);
      expect(updated.body).toMatchObject({ operatorFeeRateBp: 0, status: 'closed' });
      const events = await http(testApp)
        .get('/api/v1/audit-events')
        .query({ objectId: created.id, action: 'programme.updated' })
        .set(bearer(anct.token))
        .expect(200);
      expect(events.body.items[0]).toMatchObject({
        before: { operatorFeeRateBp: 400, status: 'open' },
        after: { operatorFeeRateBp: 0, status: 'closed' },
      });
      await http(testApp)
        .patch('/api/v1/programmes/00000000-0000-4000-8000-000000000000')
        .set(bearer(anct.token))
        .send({ graceDays: 1 })
        .expect(404);
    });

    it('enrol funders within the per-funder cap, once each', async () => {
      const other = await programmeViaApi(testApp, anct, { defaultFunderCapCents: 1_000 });
      const tooBig = await http(testApp)
        .post(`/api/v1/programmes/${other.id}/enrolments`)
        .set(bearer(anct.token))
        .send({ funderId: funder.organisationId, envelopeCents: 1_001 })
        .expect(422);
      expect(tooBig.body).toMatchObject({ code: 'ENVELOPE_ABOVE_CAP', details: { rule: 'defaultFunderCapCents' } });
      const notAFunder = await http(testApp)
        .post(`/api/v1/programmes/${other.id}/enrolments`)
        .set(bearer(anct.token))
        .send({ funderId: prescriber.organisationId })
        .expect(422);
      expect(notAFunder.body.code).toBe('UNKNOWN_FUNDER');
      const enrolled = await http(testApp)
        .post(`/api/v1/programmes/${other.id}/enrolments`)
        .set(bearer(anct.token))
        .send({ funderId: funder.organisationId })
        .expect(201);
      expect(enrolled.body).toMatchObject({ envelopeCents: 1000, reservedCents: 0, remainingCents: 1000 });
      const again = await http(testApp)
        .post(`/api/v1/programmes/${other.id}/enrolments`)
        .set(bearer(anct.token))
        .send({ funderId: funder.organisationId })
        .expect(409);
      expect(again.body.code).toBe('FUNDER_ALREADY_ENROLLED');
      const list = await http(testApp).get(`/api/v1/programmes/${other.id}/enrolments`).set(bearer(anct.token)).expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
      expect(list.body.items.map((e: { funderId: string }) => e.funderId)).toEqual([funder.organisationId]);
    });

    it('are visible to a funder only when it is enrolled, with its own envelope', async () => {
      const notEnrolled = await programmeViaApi(testApp, anct);
      const mine = await http(testApp).get('/api/v1/programmes').set(bearer(funder.token)).query({ limit: 200 }).expect(200);
      expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(programme.id);
      expect(mine.body.items.map((p: { id: string }) => p.id)).not.toContain(notEnrolled.id);
      await http(testApp).get(`/api/v1/programmes/${notEnrolled.id}`).set(bearer(funder.token)).expect(404);
      const one = await http(testApp).get(`/api/v1/programmes/${programme.id}`).set(bearer(funder.token)).expect(200);
      expect(one.body.enrolment).toMatchObject({ funderId: funder.organisationId, envelopeCents: 2000000 });
      await http(testApp).get(`/api/v1/programmes/${programme.id}`).set(bearer(prescriber.token)).expect(403);
    });
  });

  describe('the journey', () => {
    it('goes draft → submitted → approved → paid → generating → ready, with amounts, ledger and audit', async () => {
      const created = await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({
          programmeId: programme.id,
          carnetCount: 120,
          carnetSize: 10,
          personalisationText: 'Offert par le Département du Rhône',
          territoryDepartements: ['69', '01', '69'],
          territoryCommunes: ['69123'],
        })
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        number: expect.stringMatching(/^2026-\d{4}$/),
        funderId: funder.organisationId,
        faceValueCents: 1000,
        faceValueTotalCents: 1200000,
        feeCents: 48000,
        totalDueCents: 1248000,
        maxStateShareCents: 600000,
        personalisationText: 'Offert par le Département du Rhône',
        territoryDepartements: ['01', '69'],
        territoryCommunes: ['69123'],
        generation: { doneCarnets: 0, totalCarnets: 120, doneVouchers: 0, totalVouchers: 1200 },
      });
      const id = created.body.id;

      await http(testApp).post(`/api/v1/orders/${id}/submit`).set(bearer(funder.token)).expect(200);
      const approved = await http(testApp).post(`/api/v1/orders/${id}/approve`).set(bearer(anct.token)).expect(200);
      expect(approved.body.status).toBe('approved');
      const due = await http(testApp).get(`/api/v1/orders/${id}/ledger`).set(bearer(funder.token)).expect(200);
      expect(due.body.balance).toEqual({
        faceValueDueCents: 1200000,
        feeDueCents: 48000,
        paymentsReceivedCents: 0,
        balanceDueCents: 1248000,
      });
      expect(due.body.entries.map((e: { kind: string; amountCents: number }) => [e.kind, e.amountCents])).toEqual([
        ['order_face_value_due', 1200000],
        ['operator_fee_due', 48000],
      ]);

      const paid = await http(testApp)
        .post(`/api/v1/orders/${id}/payment`)
        .set(bearer(anct.token))
        .send({ paymentReference: 'VIR-2026-000123', paymentDate: '2026-01-15', amountCents: 1_248_000 })
        .expect(200);
      expect(paid.body).toMatchObject({ status: 'paid', paymentReference: 'VIR-2026-000123', paymentDate: '2026-01-15' });

      const ready = await waitUntilReady(testApp, funder, id);
      expect(ready.generation).toEqual({ doneCarnets: 120, totalCarnets: 120, doneVouchers: 1200, totalVouchers: 1200 });
      expect(ready.readyAt).toEqual(expect.any(String));

      const settled = await http(testApp).get(`/api/v1/orders/${id}/ledger`).set(bearer(anct.token)).expect(200);
      expect(settled.body.balance).toEqual({
        faceValueDueCents: 1200000,
        feeDueCents: 48000,
        paymentsReceivedCents: 1248000,
        balanceDueCents: 0,
      });
      expect(settled.body.entries[2]).toMatchObject({
        kind: 'funder_payment_received',
        reference: 'VIR-2026-000123',
        occurredAt: '2026-01-14T23:00:00.000Z',
      });

      const events = await http(testApp).get('/api/v1/audit-events').query({ objectId: id, limit: 50 }).set(bearer(anct.token)).expect(200);
      expect(events.body.items.map((e: { action: string }) => e.action).sort()).toEqual(
        ['order.approved', 'order.created', 'order.generation_started', 'order.paid', 'order.ready', 'order.submitted'].sort(),
      );
      const approval = events.body.items.find((e: { action: string }) => e.action === 'order.approved');
      expect(approval).toMatchObject({ actorUserId: anct.userId, before: { status: 'submitted' }, after: { status: 'approved' } });
      const generation = events.body.items.find((e: { action: string }) => e.action === 'order.ready');
      expect(generation).toMatchObject({
        actorKind: 'system',
        requestId: expect.stringMatching(/^job:carnet-generation:/),
        after: { carnets: 120, vouchers: 1200 },
      });
    });

    it('generates numbered carnets and chèques whose codes are derivable but not stored', async () => {
      const order = await paidOrder(testApp, steps, { carnetCount: 100, carnetSize: 10 });
      const ready = await waitUntilReady(testApp, funder, order.id);
      const carnets: Array<{ sequence: number; number: string; status: string; size: number }> = await testApp.dataSource.query(
        `SELECT sequence, number, status, size FROM carnets WHERE order_id = $1 ORDER BY sequence`,
        [order.id],
      );
      expect(carnets).toHaveLength(100);
      const [year, orderPart] = ready.number.split('-');
      expect(carnets.map((c) => c.number)).toEqual(carnets.map((c) => `${year}-${orderPart}-${String(c.sequence).padStart(6, '0')}`));
      expect(carnets.map((c) => c.sequence)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(carnets.map((c) => `${c.status}/${c.size}`))).toEqual(new Set(['in_stock/10']));

      const vouchers: Array<{
        serial: string;
        code_hash: Buffer;
        code_key_version: number;
        code_nonce: Buffer;
        status: string;
        expires_at: Date;
        face_value_cents: number;
      }> = await testApp.dataSource.query(
        `SELECT serial, code_hash, code_key_version, code_nonce, status, expires_at, face_value_cents FROM vouchers WHERE order_id = $1`,
        [order.id],
      );
      expect(vouchers).toHaveLength(1000);
      expect(new Set(vouchers.map((v) => v.serial)).size).toBe(1000);
      expect(new Set(vouchers.map((v) => v.code_hash.toString('hex'))).size).toBe(1000);
      expect(new Set(vouchers.map((v) => v.status))).toEqual(new Set(['active']));
      expect(new Set(vouchers.map((v) => v.expires_at.toISOString()))).toEqual(new Set(['2027-12-31T22:59:59.000Z']));
      expect(new Set(vouchers.map((v) => v.face_value_cents))).toEqual(new Set([1000]));
      const secrets = testApp.app.get(VoucherCodeSecrets);
      for (const voucher of vouchers.slice(0, 50)) {
        expect(voucher.serial).toMatch(/^\d{4}-\d{4}-\d{6}-(0[1-9]|10)$/);
        const code = deriveVoucherCode(
          secrets.forVersion(voucher.code_key_version),
          voucher.code_key_version,
          voucher.serial,
          voucher.code_nonce,
        );
        expect(parseVoucherCode(code).ok).toBe(true);
        expect(hashVoucherCode(code).equals(voucher.code_hash)).toBe(true);
      }
      // A dump holds no code: no column of the row contains one.
      const someCode = deriveVoucherCode(
        secrets.forVersion(vouchers[0].code_key_version),
        vouchers[0].code_key_version,
        vouchers[0].serial,
        vouchers[0].code_nonce,
      );
      const [{ found }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS found FROM vouchers v WHERE v::text LIKE '%' || $1 || '%'`,
        [someCode],
      );
      expect(found).toBe(0);
    });

    it('releases the envelope of a rejected order and keeps the reason', async () => {
      const before = await http(testApp).get(`/api/v1/programmes/${programme.id}`).set(bearer(funder.token)).expect(200);
      const order = await submittedOrder(testApp, steps);
      const during = await http(testApp).get(`/api/v1/programmes/${programme.id}`).set(bearer(funder.token)).expect(200);
      expect(BigInt(during.body.enrolment.reservedCents) - BigInt(before.body.enrolment.reservedCents)).toBe(500_000n);
      await http(testApp).post(`/api/v1/orders/${order.id}/reject`).set(bearer(anct.token)).send({}).expect(400);
      const rejected = await http(testApp)
        .post(`/api/v1/orders/${order.id}/reject`)
        .set(bearer(anct.token))
        .send({ reason: 'Hors enveloppe' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Hors enveloppe' });
      const after = await http(testApp).get(`/api/v1/programmes/${programme.id}`).set(bearer(funder.token)).expect(200);
      expect(after.body.enrolment.reservedCents).toBe(before.body.enrolment.reservedCents);
      const illegal = await http(testApp).post(`/api/v1/orders/${order.id}/approve`).set(bearer(anct.token)).expect(409);
      expect(illegal.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'rejected' } });
    });

    it('reverses the dues of an approved order that is cancelled, and refuses to cancel after payment', async () => {
      const order = await approvedOrder(testApp, steps);
      const cancelled = await http(testApp)
        .post(`/api/v1/orders/${order.id}/cancel`)
        .set(bearer(funder.token))
        .send({ reason: 'Commande en double' })
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const ledger = await http(testApp).get(`/api/v1/orders/${order.id}/ledger`).set(bearer(funder.token)).expect(200);
      expect(ledger.body.balance.balanceDueCents).toBe(0);
      expect(ledger.body.entries.map((e: { kind: string; amountCents: number }) => [e.kind, e.amountCents])).toEqual([
        ['order_face_value_due', 1000000],
        ['operator_fee_due', 40000],
        ['order_face_value_due', -1000000],
        ['operator_fee_due', -40000],
      ]);
      expect(ledger.body.entries[2].reversesEntryId).toBe(ledger.body.entries[0].id);
      const events = await http(testApp)
        .get('/api/v1/audit-events')
        .query({ objectId: order.id, action: 'order.cancelled' })
        .set(bearer(anct.token))
        .expect(200);
      expect(events.body.items[0].after).toMatchObject({ status: 'cancelled', reason: 'Commande en double' });

      const paid = await paidOrder(testApp, steps);
      const refused = await http(testApp).post(`/api/v1/orders/${paid.id}/cancel`).set(bearer(anct.token)).send({}).expect(409);
      expect(refused.body.details.currentState).toMatch(/^(paid|generating|ready)$/);
      await waitUntilReady(testApp, funder, paid.id);
    });

    it('lets ANCT cancel a draft, and nobody move a cancelled order', async () => {
      const order = await draftOrder(testApp, steps);
      await http(testApp).post(`/api/v1/orders/${order.id}/cancel`).set(bearer(anct.token)).send({}).expect(200);
      for (const [path, actor, body] of [
        ['submit', funder, undefined],
        ['approve', anct, undefined],
        ['reject', anct, { reason: 'non' }],
        ['payment', anct, paymentOf(order)],
        ['cancel', funder, {}],
      ] as const) {
        const response = await http(testApp).post(`/api/v1/orders/${order.id}/${path}`).set(bearer(actor.token)).send(body);
        expect([path, response.status, response.body.details?.currentState]).toEqual([path, 409, 'cancelled']);
      }
    });
  });

  describe('refusals', () => {
    it('answers 422 with the rule broken for amounts outside the programme', async () => {
      const cases = [
        [
          { carnetCount: 200, carnetSize: 7 },
          'CARNET_SIZE_NOT_ALLOWED',
          { rule: 'allowedCarnetSizes', allowedCarnetSizes: [5, 10], carnetSize: 7 },
        ],
        [
          { carnetCount: 199, carnetSize: 5 },
          'ORDER_BELOW_MINIMUM',
          { rule: 'minimumOrderCents', minimumOrderCents: 1000000, faceValueTotalCents: 995000 },
        ],
        [
          { carnetCount: 601, carnetSize: 10 },
          'ORDER_ABOVE_CAP',
          { rule: 'funderCapCents', funderCapCents: 3000000, stateShareAtRateCents: 3005000 },
        ],
      ] as const;
      const before = await tableCounts(testApp);
      for (const [body, code, details] of cases) {
        const response = await http(testApp)
          .post('/api/v1/orders')
          .set(bearer(funder.token))
          .send({ programmeId: programme.id, ...body })
          .expect(422);
        expect(response.body).toMatchObject({ code, details });
      }
      expect(await tableCounts(testApp)).toEqual(before);
    });

    it('caps the State share by what is left of the envelope', async () => {
      const small = await programmeViaApi(testApp, anct);
      await enrolViaApi(testApp, anct, small.id, funder.organisationId, 700_000);
      const smallSteps = { ...steps, programmeId: small.id };
      const first = await draftOrder(testApp, smallSteps); // 10 000 € → 5 000 € at rate
      expect(first).toMatchObject({ maxStateShareCents: 500000 });
      const second = await draftOrder(testApp, smallSteps);
      expect(second).toMatchObject({ maxStateShareCents: 200000 });
      const third = await draftOrder(testApp, smallSteps);
      expect(third).toMatchObject({ maxStateShareCents: 0 });
    });

    it('refuses closed or expired programmes, programmes the funder is not enrolled in, and bad input', async () => {
      const closed = await programmeViaApi(testApp, anct);
      await enrolViaApi(testApp, anct, closed.id, funder.organisationId);
      await http(testApp).patch(`/api/v1/programmes/${closed.id}`).set(bearer(anct.token)).send({ status: 'closed' }).expect(200);
      const refused = await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({ programmeId: closed.id, carnetCount: 200, carnetSize: 5 })
        .expect(422);
      expect(refused.body.code).toBe('PROGRAMME_CLOSED');

      const expired = await programmeViaApi(testApp, anct, { validUntil: '2020-12-31' });
      await enrolViaApi(testApp, anct, expired.id, funder.organisationId);
      const late = await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({ programmeId: expired.id, carnetCount: 200, carnetSize: 5 })
        .expect(422);
      expect(late.body).toMatchObject({ code: 'PROGRAMME_EXPIRED', details: { validUntil: '2020-12-31' } });

      const foreign = await programmeViaApi(testApp, anct);
      await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({ programmeId: foreign.id, carnetCount: 200, carnetSize: 5 })
        .expect(404);

      const invalid = await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({ programmeId: 'nope', carnetCount: 0, carnetSize: 5.5, territoryCommunes: ['123'], personalisationText: 'a\nb' })
        .expect(400);
      expect(invalid.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['carnetCount', 'carnetSize', 'personalisationText', 'programmeId', 'territoryCommunes'].sort(),
      );
      // An unknown property is a client's mistake, refused at the edge before the fields are read.
      const unknown = await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(funder.token))
        .send({ programmeId: foreign.id, carnetCount: 200, carnetSize: 5, extra: 1 })
        .expect(400);
      expect(unknown.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['extra']);
    });

    it('refuses a payment that does not cover the order, or is dated in the future', async () => {
      const order = await approvedOrder(testApp, steps);
      const short = await http(testApp)
        .post(`/api/v1/orders/${order.id}/payment`)
        .set(bearer(anct.token))
        .send({ ...paymentOf(order), amountCents: Number(order.totalDueCents) - 1 })
        .expect(422);
      expect(short.body).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH', details: { totalDueCents: order.totalDueCents } });
      const future = await http(testApp)
        .post(`/api/v1/orders/${order.id}/payment`)
        .set(bearer(anct.token))
        .send({ ...paymentOf(order), paymentDate: '2999-01-01' })
        .expect(422);
      expect(future.body.code).toBe('PAYMENT_DATE_IN_FUTURE');
      const current = await http(testApp).get(`/api/v1/orders/${order.id}`).set(bearer(anct.token)).expect(200);
      expect(current.body.status).toBe('approved');
    });

    it('answers 409 with the current state to every illegal transition', async () => {
      const draft = await draftOrder(testApp, steps);
      for (const [path, body] of [
        ['approve', undefined],
        ['reject', { reason: 'non' }],
        ['payment', paymentOf(draft)],
      ] as const) {
        const response = await http(testApp).post(`/api/v1/orders/${draft.id}/${path}`).set(bearer(anct.token)).send(body).expect(409);
        expect(response.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', details: { currentState: 'draft' } });
      }
      const submitted = await submittedOrder(testApp, steps);
      const again = await http(testApp).post(`/api/v1/orders/${submitted.id}/submit`).set(bearer(funder.token)).expect(409);
      expect(again.body.details.currentState).toBe('submitted');
      const early = await http(testApp)
        .post(`/api/v1/orders/${submitted.id}/payment`)
        .set(bearer(anct.token))
        .send(paymentOf(submitted))
        .expect(409);
      expect(early.body.details.currentState).toBe('submitted');
    });

    it('keeps each role to its own steps and each funder to its own orders', async () => {
      const order = await submittedOrder(testApp, steps);
      await http(testApp).post(`/api/v1/orders/${order.id}/approve`).set(bearer(funder.token)).expect(403);
      await http(testApp)
        .post('/api/v1/orders')
        .set(bearer(anct.token))
        .send({ programmeId: programme.id, carnetCount: 200, carnetSize: 5 })
        .expect(403);
      for (const actor of [prescriber, venue]) {
        await http(testApp).get(`/api/v1/orders/${order.id}`).set(bearer(actor.token)).expect(403);
        await http(testApp).get('/api/v1/orders').set(bearer(actor.token)).expect(403);
      }
      await http(testApp).get(`/api/v1/orders/${order.id}`).set(bearer(otherFunder.token)).expect(404);
      await http(testApp).get(`/api/v1/orders/${order.id}/ledger`).set(bearer(otherFunder.token)).expect(404);
      await http(testApp).post(`/api/v1/orders/${order.id}/cancel`).set(bearer(otherFunder.token)).send({}).expect(404);
      const theirs = await http(testApp).get('/api/v1/orders').set(bearer(otherFunder.token)).expect(200);
      expect(theirs.body.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
      const all = await http(testApp)
        .get('/api/v1/orders')
        .query({ funderId: funder.organisationId, status: 'submitted', limit: 200 })
        .set(bearer(anct.token))
        .expect(200);
      expect(all.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
    });
  });

  describe('concurrency', () => {
    it('lets one of two simultaneous approvals through and answers the other 409', async () => {
      for (let round = 0; round < 5; round++) {
        const order = await submittedOrder(testApp, steps);
        const responses = await Promise.all(
          [0, 1].map(() => http(testApp).post(`/api/v1/orders/${order.id}/approve`).set(bearer(anct.token))),
        );
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(responses.find((r) => r.status === 409)!.body.details.currentState).toBe('approved');
        const ledger = await http(testApp).get(`/api/v1/orders/${order.id}/ledger`).set(bearer(anct.token)).expect(200);
        expect(ledger.body.entries).toHaveLength(2);
      }
    });

    it('records one of two simultaneous payments and answers the other 409', async () => {
      for (let round = 0; round < 5; round++) {
        const order = await approvedOrder(testApp, steps);
        const responses = await Promise.all(
          [0, 1].map(() => http(testApp).post(`/api/v1/orders/${order.id}/payment`).set(bearer(anct.token)).send(paymentOf(order))),
        );
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        const ledger = await http(testApp).get(`/api/v1/orders/${order.id}/ledger`).set(bearer(anct.token)).expect(200);
        expect(ledger.body.balance.paymentsReceivedCents).toBe(order.totalDueCents);
        await waitUntilReady(testApp, funder, order.id);
        const [{ count }] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM vouchers WHERE order_id = $1`, [order.id]);
        expect(count).toBe(1000);
      }
    });

    it('prices simultaneous orders against the envelope one at a time', async () => {
      const tight = await programmeViaApi(testApp, anct);
      await enrolViaApi(testApp, anct, tight.id, funder.organisationId, 1_200_000);
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          http(testApp).post('/api/v1/orders').set(bearer(funder.token)).send({ programmeId: tight.id, carnetCount: 200, carnetSize: 5 }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(responses.map((r) => r.body.maxStateShareCents).sort((a, b) => a - b)).toEqual([0, 200000, 500000, 500000]);
    });
  });
});
