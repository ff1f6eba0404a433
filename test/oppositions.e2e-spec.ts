import { createVerificationKeyRing, fromPublicJwk } from '../src/modules/signing/key-ring';
import { verifyFlattenedJws, type FlattenedJws } from '../src/modules/signing/jws';
import type { RevocationList } from '../src/modules/oppositions/revocation-list.service';
import { ProgrammeEntity } from '../src/modules/programmes/programme.entity';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, ReadyOrder } from './support/factories';

const beneficiary = { firstName: 'Léa', communeInseeCode: '69266', targetPublic: true, reasonCategory: 'employment', consent: true };

describe('Opposition, replacement and the revocation list', () => {
  let testApp: TestApp;
  let funder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let stock: ReadyOrder;
  let programme: ProgrammeEntity;

  const post = (who: LoggedIn, url: string, body: object) => http(testApp).post(url).set(bearer(who.token)).send(body);
  const statusOf = async (table: 'carnets' | 'vouchers', id: string) =>
    (await testApp.dataSource.query(`SELECT status FROM ${table} WHERE id = $1`, [id]))[0].status;

  async function revocationList(query: Record<string, string | number> = {}): Promise<RevocationList> {
    const keys = await http(testApp).get('/api/v1/public/signing-keys').expect(200);
    const ring = createVerificationKeyRing(keys.body.keys.map(fromPublicJwk));
    const response = await http(testApp).get('/api/v1/public/revocations').query(query).expect(200);
    return verifyFlattenedJws(response.body as FlattenedJws, ring) as RevocationList;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    otherPrescriber = await prescriberAgent(testApp, funder);
    programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    stock = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 10, carnetSize: 5 });
    await allocateCarnets(
      testApp,
      stock.carnets.slice(0, 5).map((c) => c.id),
      prescriber.organisationId,
    );
  });
  afterAll(() => testApp.close());

  it('lost carnet: opposition, then a replacement for the same beneficiary; cancelled chèques can never be redeemed', async () => {
    const [lost, replacement] = stock.carnets;
    const issued = await post(prescriber, `/api/v1/carnets/${lost.id}/issue`, beneficiary).expect(201);
    // The beneficiary used one chèque before losing the carnet.
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed', redeemed_at = now() WHERE id = $1`, [lost.vouchers[0].id]);

    const opposition = await post(prescriber, `/api/v1/carnets/${lost.id}/opposition`, { reason: 'lost' }).expect(200);
    expect(opposition.body).toMatchObject({
      carnetId: lost.id,
      carnetNumber: lost.number,
      status: 'cancelled',
      reason: 'lost',
      cancelledVouchers: 4,
    });
    expect(await statusOf('carnets', lost.id)).toBe('cancelled');
    expect(await statusOf('vouchers', lost.vouchers[0].id)).toBe('redeemed');
    for (const voucher of lost.vouchers.slice(1)) expect(await statusOf('vouchers', voucher.id)).toBe('cancelled');
    // What a redemption does (issue 6): a conditional update on `issued` — it cannot touch a cancelled chèque.
    const redeemed = await testApp.dataSource.query(
      `UPDATE vouchers SET status = 'redeemed' WHERE id = $1 AND status = 'issued' RETURNING id`,
      [lost.vouchers[1].id],
    );
    expect(redeemed[0]).toEqual([]);

    await post(prescriber, `/api/v1/carnets/${lost.id}/opposition`, { reason: 'stolen' }).expect(409);

    const replaced = await post(prescriber, `/api/v1/carnets/${lost.id}/replacement`, { replacementCarnetId: replacement.id }).expect(201);
    expect(replaced.body).toMatchObject({
      carnetId: replacement.id,
      beneficiaryId: issued.body.beneficiaryId,
      reasonCategory: 'employment',
      replacesCarnetId: lost.id,
    });
    expect(await statusOf('carnets', replacement.id)).toBe('issued');
    const audit = await testApp.dataSource.query(
      `SELECT action, after FROM audit_events WHERE object_id = ANY($1) ORDER BY occurred_at, id`,
      [[lost.id, replacement.id]],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['carnet.issued', 'carnet.opposed', 'carnet.issued_as_replacement']);
    expect(audit[1].after).toMatchObject({ status: 'cancelled', reason: 'lost', cancelledVouchers: 4 });

    const again = await post(prescriber, `/api/v1/carnets/${lost.id}/replacement`, { replacementCarnetId: stock.carnets[2].id }).expect(
      409,
    );
    expect(again.body).toMatchObject({ code: 'CARNET_ALREADY_REPLACED', details: { replacedByCarnetId: replacement.id } });
    expect(await statusOf('carnets', stock.carnets[2].id)).toBe('allocated');
  });

  it('refuses to replace a carnet that is not cancelled (409) or was never handed out (422)', async () => {
    const [, , inStock, neverIssued] = stock.carnets;
    await post(prescriber, `/api/v1/carnets/${inStock.id}/replacement`, { replacementCarnetId: stock.carnets[4].id }).expect(409);
    await post(prescriber, `/api/v1/carnets/${neverIssued.id}/opposition`, { reason: 'damaged' }).expect(200);
    const response = await post(prescriber, `/api/v1/carnets/${neverIssued.id}/replacement`, {
      replacementCarnetId: stock.carnets[4].id,
    }).expect(422);
    expect(response.body.code).toBe('CARNET_NEVER_ISSUED');
  });

  it('puts a single chèque in opposition by its serial; the carnet stays issued until all its chèques are cancelled', async () => {
    const carnet = stock.carnets[1]; // the replacement, issued above
    const [first, ...others] = carnet.vouchers;
    const response = await post(prescriber, `/api/v1/vouchers/${first.serial}/opposition`, { reason: 'stolen' }).expect(200);
    expect(response.body).toMatchObject({ serial: first.serial, status: 'cancelled', reason: 'stolen', carnetStatus: 'issued' });
    expect(await statusOf('vouchers', first.id)).toBe('cancelled');
    await post(prescriber, `/api/v1/vouchers/${first.serial}/opposition`, { reason: 'stolen' }).expect(409);

    for (const voucher of others.slice(0, -1))
      await post(prescriber, `/api/v1/vouchers/${voucher.serial}/opposition`, { reason: 'lost' }).expect(200);
    const last = await post(prescriber, `/api/v1/vouchers/${others[others.length - 1].serial}/opposition`, { reason: 'lost' }).expect(200);
    expect(last.body.carnetStatus).toBe('cancelled');
    expect(await statusOf('carnets', carnet.id)).toBe('cancelled');
  });

  it("answers another structure's carnets and chèques like missing ones, changing nothing", async () => {
    const before = await tableCounts(testApp);
    await post(otherPrescriber, `/api/v1/carnets/${stock.carnets[4].id}/opposition`, { reason: 'lost' }).expect(404);
    await post(otherPrescriber, `/api/v1/vouchers/${stock.carnets[4].vouchers[0].serial}/opposition`, { reason: 'lost' }).expect(404);
    // A prescriber cannot block carnets still in the funder's stock.
    await post(prescriber, `/api/v1/carnets/${stock.carnets[7].id}/opposition`, { reason: 'lost' }).expect(404);
    await post(prescriber, `/api/v1/vouchers/2026-9999-000001-01/opposition`, { reason: 'lost' }).expect(404);
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('lets the funder block a range of carnets, including some still in its own stock (lost in the mail)', async () => {
    const numbers = stock.carnets.map((c) => c.number);
    const response = await post(funder, '/api/v1/carnets/opposition', {
      fromNumber: numbers[3],
      toNumber: numbers[9],
      reason: 'not_received',
    }).expect(200);
    expect(response.body.requested).toBe(7);
    expect(response.body.cancelled.map((c: { carnetNumber: string }) => c.carnetNumber)).toEqual([numbers[4], ...numbers.slice(5, 10)]);
    expect(response.body.skipped).toEqual([{ carnetNumber: numbers[3], status: 'cancelled' }]);
    expect(response.body.notFound).toBe(0);
    for (const carnet of stock.carnets.slice(4)) expect(await statusOf('carnets', carnet.id)).toBe('cancelled');
    const audits = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'carnet.opposed' AND object_id = ANY($1)`,
      [stock.carnets.slice(4).map((c) => c.id)],
    );
    expect(audits[0].n).toBe(6);
  });

  it.each([
    ['two orders', { fromNumber: '2026-0001-000001', toNumber: '2026-0002-000002' }, 422, 'INVALID_CARNET_RANGE'],
    ['a reversed range', { fromNumber: '2026-0001-000009', toNumber: '2026-0001-000002' }, 422, 'INVALID_CARNET_RANGE'],
    ['a malformed number', { fromNumber: '2026-1-1', toNumber: '2026-0001-000002' }, 400, 'VALIDATION_FAILED'],
    ['an unknown reason', { fromNumber: '2026-0001-000001', toNumber: '2026-0001-000002', reason: 'bored' }, 400, 'VALIDATION_FAILED'],
    ['free text', { fromNumber: '2026-0001-000001', toNumber: '2026-0001-000002', comment: 'perdu par Mme X' }, 400, 'VALIDATION_FAILED'],
  ])('refuses a range over %s', async (_label, body, status, code) => {
    const response = await post(funder, '/api/v1/carnets/opposition', { reason: 'lost', ...body }).expect(status);
    expect(response.body.code).toBe(code);
  });

  it('publishes every cancelled serial in a signed, incremental, paginated list', async () => {
    const cancelled: { serial: string }[] = await testApp.dataSource.query(
      `SELECT serial FROM vouchers WHERE status = 'cancelled' ORDER BY serial`,
    );
    const full = await revocationList({ limit: 5000 });
    expect(full).toMatchObject({ format: 'pass-numerique/revocations/v1', since: '0', hasMore: false });
    expect(full.until).toBe(full.latestVersion);
    expect(full.entries.map((e) => e.serial).sort()).toEqual(cancelled.map((c) => c.serial));
    const versions = full.entries.map((e) => BigInt(e.version));
    expect(versions).toEqual([...versions].sort((a, b) => (a < b ? -1 : 1)));
    expect(full.entries[0]).toEqual({
      version: expect.any(String),
      serial: stock.carnets[0].vouchers[1].serial,
      reason: 'lost',
      revokedAt: expect.any(String),
      expiresAt: '2030-12-31T22:59:59.000Z',
    });

    // Pages of 3 chain through `until`.
    const pages: RevocationList[] = [];
    let since = '0';
    do {
      const page = await revocationList({ since, limit: 3 });
      pages.push(page);
      since = page.until;
    } while (pages[pages.length - 1].hasMore);
    expect(pages.flatMap((p) => p.entries)).toEqual(full.entries);

    // Incremental: after a new opposition, only the new lines come back.
    const fresh = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 1 });
    await post(funder, `/api/v1/carnets/${fresh.carnets[0].id}/opposition`, { reason: 'blocked' }).expect(200);
    const delta = await revocationList({ since: full.until });
    expect(delta.entries.map((e) => e.serial)).toEqual(fresh.carnets[0].vouchers.map((v) => v.serial));
    expect(delta.entries.every((e) => e.reason === 'blocked')).toBe(true);
    expect(await revocationList({ since: delta.until })).toMatchObject({ entries: [], hasMore: false, until: delta.until });
  });

  it('keeps the revocation list append-only in the database', async () => {
    await expect(testApp.dataSource.query(`DELETE FROM voucher_revocations`)).rejects.toThrow(/append-only/);
    await expect(testApp.dataSource.query(`UPDATE voucher_revocations SET reason = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('publishes the signing keys as a JWK set anyone can fetch', async () => {
    const response = await http(testApp).get('/api/v1/public/signing-keys').expect(200);
    expect(response.headers['cache-control']).toContain('public');
    expect(response.body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: 'dev-2026', use: 'sig' })]);
    expect(response.body.keys[0]).not.toHaveProperty('d');
  });
});
