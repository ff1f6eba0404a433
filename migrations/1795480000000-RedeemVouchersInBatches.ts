import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept apart so that a later migration that replaces the function can put it back on revert. */
export const CREATE_REDEEM_VOUCHERS_ONCE_BATCH = `
      CREATE FUNCTION redeem_vouchers_once_batch(p_requests jsonb)
      RETURNS text[]
      LANGUAGE plpgsql VOLATILE
      SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET lock_timeout = '1s' AS $function$
      DECLARE
        outcomes text[] := '{}';
        holding boolean[];
        request jsonb;
        position bigint;
      BEGIN
        -- Keys first, without waiting: a request whose key another transaction holds is answered
        -- 'in_progress' (409) at once, and its chèques are not touched.
        SELECT array_agg(pg_try_advisory_xact_lock(hashtextextended(r.value->>'lockKey', 0)) ORDER BY r.ordinality)
          INTO holding
          FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r;
        -- Then the carnets of the others, in one statement and in id order.
        PERFORM 1 FROM carnets c
          WHERE c.id IN (SELECT v.carnet_id FROM vouchers v
                          WHERE v.id IN (SELECT unnest((r.value->>'voucherIds')::uuid[])
                                           FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r WHERE holding[r.ordinality]))
          ORDER BY c.id
          FOR UPDATE;
        FOR request, position IN SELECT r.value, r.ordinality FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS r ORDER BY r.ordinality LOOP
          IF NOT holding[position] THEN
            outcomes := outcomes || 'in_progress'::text;
            CONTINUE;
          END IF;
          outcomes := outcomes || redeem_vouchers_once(
            request->>'lockKey', (request->>'organisationId')::uuid, request->>'key', request->>'endpoint',
            decode(request->>'requestHash', 'hex'), (request->>'responseStatus')::integer, (request->>'responseBody')::json,
            (request->>'voucherIds')::uuid[], (request->>'redemptionIds')::uuid[], (request->>'venueId')::uuid,
            (request->>'siteId')::uuid, (request->>'serviceId')::uuid, request->>'serviceCategory', request->>'mode',
            request->>'deviceId', (request->>'scannedAt')::timestamptz, (request->>'userId')::uuid,
            (request->>'apiKeyId')::uuid, (request->>'offlineBatchId')::uuid, request->'auditActor');
        END LOOP;
        RETURN outcomes;
      END
      $function$
`;

/**
 * Group commit for online redemptions: `redeem_vouchers_once_batch` runs many `redeem_vouchers_once`
 * in one transaction, one round trip and one commit for all of them, and answers each one's outcome in
 * order. Each keeps its own all-or-nothing: `redeem_vouchers` writes nothing for a request unless every
 * one of its chèques is still `issued`, so a refused request leaves the others of its batch untouched.
 * The Idempotency-Keys are claimed first, without waiting (a key held elsewhere is answered
 * 'in_progress'); then the carnets of the whole batch are locked in one statement and in id order (the
 * order every use case locks them in), so that two batches cannot deadlock over carnets they both touch.
 * A batch waits at most `lock_timeout` (1 s) for a lock: one held long elsewhere (an opposition, a
 * job) must not hold up every redemption queued behind the batch; the caller then takes each request
 * through the full path, one by one, where waiting concerns that request only.
 *
 * One request is a JSON object named after the parameters of `redeem_vouchers_once`; `voucherIds` and
 * `redemptionIds` are PostgreSQL array literals (their order pairs them), `requestHash` is hex, and
 * `responseBody` the answer's JSON text, stored as it is so that a replay answers byte for byte the same.
 */
export class RedeemVouchersInBatches1795480000000 implements MigrationInterface {
  name = 'RedeemVouchersInBatches1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_REDEEM_VOUCHERS_ONCE_BATCH);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION redeem_vouchers_once_batch(jsonb)`);
  }
}
