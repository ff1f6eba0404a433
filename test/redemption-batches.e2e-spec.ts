import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IdempotencyService, type IdentifiedRequest } from '../src/common/idempotency/idempotency.service';
import { OnlineRedemptionBatches } from '../src/modules/redemptions/online-redemption-batches';
import { redemptionRead } from '../src/modules/redemptions/redemption-reads';
import { type RedeemCommand, redemptionRequest, type RedemptionOutcome } from '../src/modules/redemptions/redemption-request';
import { REDEEM_ENDPOINT } from '../src/modules/redemptions/redemptions.service';
import { anctAdmin, type LoggedIn } from './support/actors';
import { issuedVouchers, qualifiedVenue, type IssuedStock, type ReadyVenue } from './support/redemption-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Online redemptions that arrive together are written in one transaction (group commit). With one lane,
 * what is submitted while a batch runs goes together in the next one: the cases below share a batch.
 */
describe('Online redemptions written in batches', () => {
  let testApp: TestApp;
  let anct: LoggedIn;
  let venue: ReadyVenue;
  let stock: IssuedStock;
  let batches: OnlineRedemptionBatches;
  let idempotency: IdempotencyService;

  beforeAll(async () => {
    testApp = await createTestApp({ settings: { REDEMPTION_BATCH_LANES: '1', REDEMPTION_BATCH_MAX_SIZE: '10' } });
    anct = await anctAdmin(testApp);
    venue = await qualifiedVenue(testApp, anct);
    stock = await issuedVouchers(testApp, anct, { carnetCount: 4, carnetSize: 10 });
    batches = testApp.app.get(OnlineRedemptionBatches);
    idempotency = testApp.app.get(IdempotencyService);
  });
  afterAll(() => testApp.close());

  let nextVoucher = 0;
  const freshVoucher = () => stock.vouchers[nextVoucher++];

  interface OnlineRedemption {
    request: IdentifiedRequest;
    responseBody: unknown;
    command: RedeemCommand;
  }

  function redemption(voucherIds: string[], key: string = randomUUID()): OnlineRedemption {
    const request = idempotency.identify({ organisationId: venue.venueId, key, endpoint: REDEEM_ENDPOINT, body: { voucherIds } });
    const redemptionIds = voucherIds.map(() => randomUUID());
    return {
      request,
      responseBody: { redemptionIds, note: 'gardé tel quel', z: 1, a: 2 },
      command: {
        voucherIds,
        redemptionIds,
        venueId: venue.venueId,
        siteId: venue.siteId,
        serviceId: venue.serviceId,
        serviceCategory: 'online_procedures',
        mode: 'online',
        scannedAt: new Date(),
        deviceId: null,
        userId: venue.agent.userId,
        apiKeyId: null,
        offlineBatchId: null,
        auditActor: {
          kind: 'user',
          user_id: venue.agent.userId,
          api_key_id: null,
          organisation_id: venue.venueId,
          label: 'test',
          request_id: null,
        },
      },
    };
  }

  /** Submits `first` alone, then the others while it runs: they form the next batch together. */
  const submit = ({ request, responseBody, command }: OnlineRedemption): Promise<RedemptionOutcome> =>
    batches.redeem(redemptionRequest(command, { request, responseStatus: 201, responseBody }));

  async function inOneBatch(...redemptions: OnlineRedemption[]): Promise<RedemptionOutcome[]> {
    const opener = submit(redemption([freshVoucher().id]));
    const outcomes = Promise.all(redemptions.map(submit));
    expect(batches.runningBatches.writes).toBe(1);
    expect(await opener).toBe('redeemed');
    return outcomes;
  }

  const redemptionsOf = (voucherId: string) =>
    testApp.dataSource.query(
      `SELECT r.id, v.status,
              (SELECT count(*)::int FROM ledger_entries l WHERE l.redemption_id = r.id) AS "ledgerLines",
              (SELECT count(*)::int FROM audit_events a WHERE a.action = 'voucher.redeemed' AND a.object_id = v.id::text) AS "auditRows"
         FROM vouchers v LEFT JOIN redemptions r ON r.voucher_id = v.id WHERE v.id = $1`,
      [voucherId],
    );
  const storedAnswer = async (key: string) =>
    (
      await testApp.dataSource.query(
        `SELECT response_body::text AS body FROM idempotency_records WHERE organisation_id = $1 AND key = $2`,
        [venue.venueId, key],
      )
    )[0]?.body;

  it('redeems each request of a batch on its own: a chèque taken by an earlier request of the batch is refused to a later one, the others go through', async () => {
    const contested = freshVoucher();
    const [first, second, third] = [freshVoucher(), freshVoucher(), freshVoucher()];
    const winner = redemption([contested.id, first.id]);
    const loser = redemption([second.id, contested.id]);
    const bystander = redemption([third.id]);

    expect(await inOneBatch(winner, loser, bystander)).toEqual(['redeemed', 'not_redeemed', 'redeemed']);

    expect(await redemptionsOf(contested.id)).toEqual([
      { id: winner.command.redemptionIds[0], status: 'redeemed', ledgerLines: 1, auditRows: 1 },
    ]);
    // All or nothing for the loser: its other chèque is untouched, and no answer is stored under its key.
    expect(await redemptionsOf(second.id)).toEqual([{ id: null, status: 'issued', ledgerLines: 0, auditRows: 0 }]);
    expect(await storedAnswer(loser.request.key)).toBeUndefined();
    expect(await redemptionsOf(third.id)).toEqual([
      { id: bystander.command.redemptionIds[0], status: 'redeemed', ledgerLines: 1, auditRows: 1 },
    ]);
  });

  it('answers a repeated Idempotency-Key within one batch from the first one, and stores the answer exactly as given', async () => {
    const voucher = freshVoucher();
    const original = redemption([voucher.id]);
    const retry = { ...original, command: { ...original.command, redemptionIds: [randomUUID()] } };

    expect(await inOneBatch(original, retry)).toEqual(['redeemed', 'answered']);

    expect(await redemptionsOf(voucher.id)).toEqual([
      { id: original.command.redemptionIds[0], status: 'redeemed', ledgerLines: 1, auditRows: 1 },
    ]);
    // Key order and text kept (the column is json, not jsonb): a replay answers byte for byte the same.
    expect(await storedAnswer(original.request.key)).toBe(JSON.stringify(original.responseBody));
  });

  it('leaves to the full path, writing nothing, a repeated Idempotency-Key whose first request redeemed nothing', async () => {
    const [taken, fresh] = [freshVoucher(), freshVoucher()];
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed' WHERE id = $1`, [taken.id]);
    const original = redemption([taken.id]);
    const retry = redemption([fresh.id], original.request.key);

    expect(await inOneBatch(original, retry)).toEqual(['not_redeemed', 'not_redeemed']);

    expect(await redemptionsOf(fresh.id)).toEqual([{ id: null, status: 'issued', ledgerLines: 0, auditRows: 0 }]);
    expect(await storedAnswer(original.request.key)).toBeUndefined();
  });

  it('closes a carnet whose last chèques two requests of one batch redeem', async () => {
    const carnetVouchers = stock.vouchers.slice(20, 30);
    await testApp.dataSource.query(`UPDATE vouchers SET status = 'redeemed' WHERE id = ANY($1)`, [
      carnetVouchers.slice(0, 8).map((voucher) => voucher.id),
    ]);
    const [carnet] = await testApp.dataSource.query(`SELECT carnet_id AS id FROM vouchers WHERE id = $1`, [carnetVouchers[8].id]);

    const [penultimate, last] = [redemption([carnetVouchers[8].id]), redemption([carnetVouchers[9].id])];
    expect(await inOneBatch(penultimate, last)).toEqual(['redeemed', 'redeemed']);

    expect(await testApp.dataSource.query(`SELECT status FROM carnets WHERE id = $1`, [carnet.id])).toEqual([{ status: 'fully_used' }]);
    const closings = await testApp.dataSource.query(
      `SELECT after->>'redemptionId' AS "redemptionId", actor_user_id AS "userId" FROM audit_events WHERE action = 'carnet.fully_used' AND object_id = $1`,
      [carnet.id],
    );
    // Used up by the later request, as if the two had come one after the other.
    expect(closings).toEqual([{ redemptionId: last.command.redemptionIds[0], userId: venue.agent.userId }]);
  });
  /** Runs `during` while another connection holds what `lock` takes, in an open transaction. */
  async function whileHeldElsewhere<T>(lock: (client: Client) => Promise<unknown>, during: () => Promise<T>): Promise<T> {
    const holder = new Client({ connectionString: testApp.config.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await lock(holder);
      return await during();
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  }

  it('answers in_progress, without touching its chèques, a request whose key another transaction holds; the rest of the batch goes on', async () => {
    const [busy, other] = [freshVoucher(), freshVoucher()];
    const held = redemption([busy.id]);
    const free = redemption([other.id]);

    const outcomes = await whileHeldElsewhere(
      (holder) => holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [held.request.lockKey]),
      () => inOneBatch(held, free),
    );

    expect(outcomes).toEqual(['in_progress', 'redeemed']);
    expect(await redemptionsOf(busy.id)).toEqual([{ id: null, status: 'issued', ledgerLines: 0, auditRows: 0 }]);
  });

  it('gives up on a lock held elsewhere after lock_timeout, writing nothing, so that its requests go through the full path one by one', async () => {
    // The fourth carnet, which the other cases leave alone; `other` is in another one.
    const [blocked, other] = [stock.vouchers[30], freshVoucher()];
    const started = Date.now();

    const outcomes = await whileHeldElsewhere(
      (holder) => holder.query(`SELECT id FROM carnets WHERE id = (SELECT carnet_id FROM vouchers WHERE id = $1) FOR UPDATE`, [blocked.id]),
      () => inOneBatch(redemption([blocked.id]), redemption([other.id])),
    );

    expect(outcomes).toEqual(['not_redeemed', 'not_redeemed']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await redemptionsOf(other.id)).toEqual([{ id: null, status: 'issued', ledgerLines: 0, auditRows: 0 }]);
  });
  it('reads together what redemptions arriving together need, each its own venue, chèques and stored answer; a read that fails fails alone', async () => {
    const answeredVoucher = freshVoucher();
    const answered = redemption([answeredVoucher.id]);
    expect(await submit(answered)).toBe('redeemed');
    const other = freshVoucher();
    const hashOf = async (voucherId: string): Promise<Buffer> =>
      (await testApp.dataSource.query(`SELECT code_hash FROM vouchers WHERE id = $1`, [voucherId]))[0].code_hash;
    const read = (venueId: string, serviceId: string, hashes: Buffer[], key: string) =>
      batches.read(redemptionRead(venueId, [serviceId], [], hashes, key));

    const [otherHash, answeredHash] = [await hashOf(other.id), await hashOf(answeredVoucher.id)];

    const opener = read(venue.venueId, venue.serviceId, [otherHash], randomUUID());
    const together = Promise.allSettled([
      read(venue.venueId, venue.serviceId, [answeredHash], answered.request.key),
      read(venue.venueId, venue.serviceId, [otherHash, answeredHash], randomUUID()),
      read(venue.venueId, venue.serviceId, [Buffer.alloc(32, 7)], randomUUID()),
      read(stock.funder.organisationId, venue.serviceId, [otherHash], randomUUID()),
      read(venue.venueId, 'not-a-uuid', [otherHash], randomUUID()),
    ]);
    expect(batches.runningBatches.reads).toBe(1);
    const [replay, fresh, unknown, notAVenue, malformed] = await together;
    expect((await opener)?.vouchers.map((voucher) => voucher.id)).toEqual([other.id]);

    expect(replay).toMatchObject({ status: 'fulfilled', value: { earlier: { responseStatus: 201, responseBody: answered.responseBody } } });
    expect(replay.status === 'fulfilled' && replay.value!.earlier!.requestHash.equals(answered.request.requestHash)).toBe(true);
    expect(fresh.status === 'fulfilled' && fresh.value!.vouchers.map((voucher) => [voucher.id, voucher.status]).sort()).toEqual(
      [
        [other.id, 'issued'],
        [answeredVoucher.id, 'redeemed'],
      ].sort(),
    );
    expect(fresh).toMatchObject({
      status: 'fulfilled',
      value: { earlier: null, venue: { id: venue.venueId, services: [{ id: venue.serviceId }] } },
    });
    expect(unknown).toMatchObject({ status: 'fulfilled', value: { vouchers: [], venue: { id: venue.venueId } } });
    expect(notAVenue).toEqual({ status: 'fulfilled', value: null });
    expect(malformed).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringContaining('invalid input syntax for type uuid') },
    });
  });
});
