import { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_REDEEM_VOUCHERS } from './1795390000000-RedeemVouchersFunctions';
import { REPLACE_REDEEM_VOUCHERS_ONCE_BATCH } from './1795560000000-RedeemVouchersBatchAsOneStatement';

/** Frozen copy of src/modules/redemptions/sql/redemption-request.sql as this migration deploys it. */
const CREATE_REDEMPTION_REQUEST_TYPES = `
CREATE TYPE public.audit_actor AS (
    kind text,
    user_id uuid,
    api_key_id uuid,
    organisation_id uuid,
    label text,
    request_id text
);
CREATE TYPE public.redemption_idempotency AS (
    lock_key text,
    organisation_id uuid,
    key text,
    endpoint text,
    request_hash bytea,
    response_status integer,
    response_body json
);
CREATE TYPE public.redemption_request AS (
    voucher_ids uuid[],
    redemption_ids uuid[],
    venue_id uuid,
    site_id uuid,
    service_id uuid,
    service_category text,
    mode text,
    device_id text,
    scanned_at timestamp with time zone,
    user_id uuid,
    api_key_id uuid,
    offline_batch_id uuid,
    audit_actor audit_actor,
    idempotency redemption_idempotency
);
`;

/** Frozen copy of src/modules/redemptions/sql/redeem-vouchers.sql as this migration deploys it. */
const CREATE_REDEEM_VOUCHERS_FOR_REQUESTS = `
CREATE OR REPLACE FUNCTION public.redeem_vouchers(p_requests json, p_lock_timeout_ms integer)
 RETURNS text[]
 LANGUAGE plpgsql
 SET plan_cache_mode TO 'force_generic_plan'
 SET enable_seqscan TO 'off'
AS $function$
DECLARE
  requests redemption_request[] := ARRAY(SELECT json_populate_recordset(NULL::redemption_request, p_requests));
  holding boolean[];
  outcomes text[];
BEGIN
  -- The one shape: every field it needs (json_populate_recordset has cast each to its type; a field
  -- it does not know is not read, so a misspelt one is missing).
  IF EXISTS (SELECT 1 FROM unnest(requests) AS q
              WHERE q.venue_id IS NULL OR q.service_id IS NULL OR q.service_category IS NULL OR q.mode IS NULL
                 OR q.scanned_at IS NULL OR coalesce(cardinality(q.voucher_ids), 0) = 0
                 OR cardinality(q.redemption_ids) IS DISTINCT FROM cardinality(q.voucher_ids)
                 OR (q.audit_actor).kind IS NULL OR (q.audit_actor).label IS NULL
                 -- All of the idempotency part or none of it (a row IS NULL when every field is, IS NOT NULL when none is).
                 OR NOT (q.idempotency IS NULL OR q.idempotency IS NOT NULL)) THEN
    RAISE EXCEPTION 'redeem_vouchers: a request does not have the shape of redemption_request'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_lock_timeout_ms IS NOT NULL THEN
    PERFORM set_config('lock_timeout', p_lock_timeout_ms || 'ms', true);
  END IF;

  -- Keys first, without waiting: a request whose key another transaction holds is answered
  -- 'in_progress' at once, and its chèques are not touched.
  holding := ARRAY(SELECT CASE WHEN q.idempotency IS NULL THEN true
                               ELSE pg_try_advisory_xact_lock(hashtextextended((q.idempotency).lock_key, 0)) END
                     FROM unnest(requests) WITH ORDINALITY AS q ORDER BY q.ordinality);
  -- Then the carnets, before their chèques, the order every use case locks them in: in one statement,
  -- in id order, so that two calls cannot deadlock over carnets they both touch. In a statement of its
  -- own: the next one's snapshot sees every chèque of these carnets as left by whoever held the lock
  -- before, so two requests redeeming a carnet's last two chèques cannot both believe the other still live.
  PERFORM 1 FROM carnets c
    WHERE c.id = ANY(ARRAY(SELECT v.carnet_id FROM vouchers v
                            WHERE v.id = ANY(ARRAY(SELECT unnest(q.voucher_ids) FROM unnest(requests) WITH ORDINALITY AS q
                                                    WHERE holding[q.ordinality]))))
    ORDER BY c.id
    FOR UPDATE;

  WITH request AS (
    SELECT q.ordinality AS n, holding[q.ordinality] AS holding, q.voucher_ids, q.redemption_ids, q.venue_id, q.site_id,
           q.service_id, q.service_category, q.mode, q.device_id, q.scanned_at, q.user_id, q.api_key_id, q.offline_batch_id,
           q.audit_actor, q.idempotency
      FROM unnest(requests) WITH ORDINALITY AS q
  ), answered_before AS (
    -- A statement after the key's lock: its snapshot sees an answer committed by the previous holder.
    SELECT q.n FROM request q
     CROSS JOIN LATERAL (SELECT 1 FROM idempotency_records i
                          WHERE i.organisation_id = (q.idempotency).organisation_id AND i.key = (q.idempotency).key
                          LIMIT 1) AS stored_answer
     WHERE q.holding AND q.idempotency IS NOT NULL
  ), repeated AS (
    -- The same key as an earlier request of the call (the lock is the transaction's: both hold it).
    SELECT later.n, min(earlier.n) AS first_n FROM request later
      JOIN request earlier ON (earlier.idempotency).organisation_id = (later.idempotency).organisation_id
                          AND (earlier.idempotency).key = (later.idempotency).key AND earlier.n < later.n
     GROUP BY later.n
  ), item AS (
    SELECT q.n, given.voucher_id, given.redemption_id
      FROM request q CROSS JOIN LATERAL unnest(q.voucher_ids, q.redemption_ids) AS given(voucher_id, redemption_id)
     WHERE q.holding AND q.n NOT IN (SELECT a.n FROM answered_before a) AND q.n NOT IN (SELECT r.n FROM repeated r)
  ), contested AS (
    -- A chèque that an earlier request of the call names: left to the caller.
    SELECT DISTINCT later.n FROM item later JOIN item earlier ON earlier.voucher_id = later.voucher_id AND earlier.n < later.n
  ), locked AS (
    -- In id order, so that two calls cannot deadlock over chèques.
    SELECT v.id FROM vouchers v
     WHERE v.id = ANY(ARRAY(SELECT i.voucher_id FROM item i WHERE i.n NOT IN (SELECT c.n FROM contested c))) AND v.status = 'issued'
     ORDER BY v.id
     FOR UPDATE
  ), complete AS (
    -- All or nothing, request by request: every one of its chèques still issued.
    SELECT q.* FROM request q
     WHERE q.n IN (SELECT i.n FROM item i) AND q.n NOT IN (SELECT c.n FROM contested c)
       AND (SELECT count(*) FROM item i JOIN locked l ON l.id = i.voucher_id WHERE i.n = q.n) = cardinality(q.voucher_ids)
  ), redeemed AS (
    UPDATE vouchers v SET status = 'redeemed', redeemed_at = q.scanned_at
      FROM item i JOIN complete q ON q.n = i.n
     WHERE v.id = i.voucher_id AND v.id = ANY(ARRAY(SELECT l.id FROM locked l))
    RETURNING v.id, v.carnet_id, v.order_id, v.funder_id, v.face_value_cents, q.n, i.redemption_id, q.venue_id, q.site_id,
              q.service_id, q.service_category, q.mode, q.scanned_at, q.device_id, q.user_id, q.api_key_id,
              q.offline_batch_id, q.audit_actor
  ), inserted AS (
    -- The unique index on active redemptions stands behind the status check.
    INSERT INTO redemptions (id, voucher_id, venue_id, site_id, service_id, funder_id, order_id, value_cents, service_category,
                             mode, scanned_at, device_id, redeemed_by_user_id, redeemed_by_api_key_id, offline_batch_id)
    SELECT r.redemption_id, r.id, r.venue_id, r.site_id, r.service_id, r.funder_id, r.order_id, r.face_value_cents,
           r.service_category, r.mode, r.scanned_at, r.device_id, r.user_id, r.api_key_id, r.offline_batch_id
      FROM redeemed r
  ), owed AS (
    INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, voucher_id, redemption_id)
    SELECT r.scanned_at, 'redemption_owed_to_venue', r.face_value_cents,
           (SELECT o.programme_id FROM orders o WHERE o.id = r.order_id), r.funder_id, r.order_id, r.venue_id, r.id, r.redemption_id
      FROM redeemed r
  ), fully_used AS (
    -- The statement sees the chèques it redeems as still issued, hence "other than those".
    UPDATE carnets c SET status = 'fully_used'
     WHERE c.id = ANY(ARRAY(SELECT r.carnet_id FROM redeemed r)) AND c.status = 'issued'
       AND (SELECT 1 FROM vouchers other
             WHERE other.carnet_id = c.id AND other.status IN ('generated', 'active', 'allocated', 'issued')
               AND other.id NOT IN (SELECT r.id FROM redeemed r)
             LIMIT 1) IS NULL
    RETURNING c.id, c.funder_id
  ), audited AS (
    INSERT INTO audit_events (actor_kind, actor_user_id, actor_api_key_id, actor_organisation_id, actor_label, request_id,
                              action, object_type, object_id, object_organisation_id, before, after)
    SELECT (event.actor).kind, (event.actor).user_id, (event.actor).api_key_id, (event.actor).organisation_id,
           (event.actor).label, (event.actor).request_id,
           event.action, event.object_type, event.object_id, event.object_organisation_id, event.before, event.after
      FROM (SELECT r.audit_actor AS actor, 'voucher.redeemed' AS action, 'voucher' AS object_type, r.id::text AS object_id,
                   r.funder_id AS object_organisation_id, jsonb_build_object('status', 'issued') AS before,
                   jsonb_build_object('status', 'redeemed', 'redemptionId', r.redemption_id, 'venueId', r.venue_id,
                                      'serviceId', r.service_id, 'mode', r.mode) AS after
              FROM redeemed r
            UNION ALL
            -- Used up by the last request of the call that redeemed one of its chèques.
            SELECT last.audit_actor, 'carnet.fully_used', 'carnet', f.id::text, f.funder_id, jsonb_build_object('status', 'issued'),
                   jsonb_build_object('status', 'fully_used', 'redemptionId', last.redemption_id)
              FROM fully_used f
             CROSS JOIN LATERAL (SELECT r.audit_actor, r.redemption_id FROM redeemed r WHERE r.carnet_id = f.id
                                  ORDER BY r.n DESC, r.redemption_id LIMIT 1) AS last) AS event
  ), stored AS (
    INSERT INTO idempotency_records (organisation_id, key, endpoint, request_hash, response_status, response_body)
    SELECT (q.idempotency).organisation_id, (q.idempotency).key, (q.idempotency).endpoint, (q.idempotency).request_hash,
           (q.idempotency).response_status, (q.idempotency).response_body
      FROM complete q
     WHERE q.idempotency IS NOT NULL
  )
  SELECT array_agg(CASE WHEN NOT q.holding THEN 'in_progress'
                        WHEN q.n IN (SELECT a.n FROM answered_before a) THEN 'answered'
                        WHEN q.n IN (SELECT r.n FROM repeated r JOIN complete c ON c.n = r.first_n) THEN 'answered'
                        WHEN q.n IN (SELECT c.n FROM complete c) THEN 'redeemed'
                        ELSE 'not_redeemed' END ORDER BY q.n)
    INTO outcomes
    FROM request q;
  RETURN outcomes;
END
$function$
`;

/**
 * One writer for single use. The chain chèque → redemption → ledger line → carnet used up → audit rows
 * was written twice, kept in step by hand: `redeem_vouchers` (13 parameters: the full transactional
 * path and offline synchronisation) and `redeem_vouchers_once_batch` (online batches, with their
 * Idempotency-Keys). Both give way to `redeem_vouchers(p_requests json, p_lock_timeout_ms integer)`,
 * the batch statement generalised: a request carries its Idempotency-Key and answer only when the call
 * claims the key itself (online batches); the full path and offline synchronisation send theirs without
 * (IdempotencyService holds the key in their transaction and stores the answer).
 *
 * A request has one shape, the composite type `redemption_request` (with `redemption_idempotency` and
 * `audit_actor`), read from JSON by `json_populate_recordset` (each field cast to its type) and checked
 * (every needed field); the TypeScript type `RedemptionRequest` mirrors it and a test compares the two. The SQL
 * lives beside its repository in `src/modules/redemptions/sql/`; the constants above are frozen copies,
 * and a test fails if what the migrations deploy differs from those files.
 */
export class OneRedemptionWriter1796193726726 implements MigrationInterface {
  name = 'OneRedemptionWriter1796193726726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION redeem_vouchers_once_batch(jsonb)`);
    await queryRunner.query(
      `DROP FUNCTION redeem_vouchers(uuid[], uuid[], uuid, uuid, uuid, text, text, text, timestamptz, uuid, uuid, uuid, jsonb)`,
    );
    await queryRunner.query(CREATE_REDEMPTION_REQUEST_TYPES);
    await queryRunner.query(CREATE_REDEEM_VOUCHERS_FOR_REQUESTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION redeem_vouchers(json, integer)`);
    await queryRunner.query(`DROP TYPE redemption_request`);
    await queryRunner.query(`DROP TYPE redemption_idempotency`);
    await queryRunner.query(`DROP TYPE audit_actor`);
    await queryRunner.query(CREATE_REDEEM_VOUCHERS);
    await queryRunner.query(REPLACE_REDEEM_VOUCHERS_ONCE_BATCH);
  }
}
