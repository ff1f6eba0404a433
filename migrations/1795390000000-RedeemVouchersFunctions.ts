import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept apart so that a later migration that drops the function can put it back on revert. */
export const CREATE_REDEEM_VOUCHERS = `
      CREATE FUNCTION redeem_vouchers(
        p_voucher_ids uuid[], p_redemption_ids uuid[], p_venue_id uuid, p_site_id uuid, p_service_id uuid,
        p_service_category text, p_mode text, p_device_id text, p_scanned_at timestamptz,
        p_user_id uuid, p_api_key_id uuid, p_offline_batch_id uuid, p_audit_actor jsonb)
      RETURNS TABLE (id uuid, "voucherId" uuid, "valueCents" integer, "recordedAt" timestamptz, "carnetId" uuid, "carnetFullyUsed" boolean)
      LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $function$
      #variable_conflict use_column
      BEGIN
        -- Carnet before its chèques, the order every use case locks them in. In a statement of its own:
        -- the next statement's snapshot then sees every chèque of these carnets as left by whoever held
        -- the lock before, so two requests redeeming a carnet's last two chèques cannot both believe the
        -- other one still live.
        PERFORM 1 FROM carnets c
          WHERE c.id IN (SELECT v.carnet_id FROM vouchers v WHERE v.id = ANY(p_voucher_ids))
          ORDER BY c.id
          FOR UPDATE;

        RETURN QUERY
        WITH locked AS (
          -- In id order, so that two multi-chèque requests cannot deadlock.
          SELECT v.id FROM vouchers v
           WHERE v.id = ANY(p_voucher_ids) AND v.status = 'issued'
           ORDER BY v.id
           FOR UPDATE
        ), redeemed AS (
          UPDATE vouchers v SET status = 'redeemed', redeemed_at = p_scanned_at
           WHERE v.id IN (SELECT l.id FROM locked l) AND (SELECT count(*) FROM locked) = cardinality(p_voucher_ids)
          RETURNING v.id, v.carnet_id, v.order_id, v.funder_id, v.face_value_cents
        ), inserted AS (
          -- The unique index on active redemptions stands behind the status check.
          INSERT INTO redemptions (id, voucher_id, venue_id, site_id, service_id, funder_id, order_id, value_cents, service_category,
                                   mode, scanned_at, device_id, redeemed_by_user_id, redeemed_by_api_key_id, offline_batch_id)
          SELECT given.redemption_id, r.id, p_venue_id, p_site_id, p_service_id, r.funder_id, r.order_id, r.face_value_cents,
                 p_service_category, p_mode, p_scanned_at, p_device_id, p_user_id, p_api_key_id, p_offline_batch_id
            FROM redeemed r
            JOIN unnest(p_voucher_ids, p_redemption_ids) AS given(voucher_id, redemption_id) ON given.voucher_id = r.id
          RETURNING redemptions.id, redemptions.voucher_id, redemptions.order_id, redemptions.funder_id,
                    redemptions.value_cents, redemptions.recorded_at
        ), owed AS (
          INSERT INTO ledger_entries (occurred_at, kind, amount_cents, programme_id, funder_id, order_id, venue_id, voucher_id, redemption_id)
          SELECT p_scanned_at, 'redemption_owed_to_venue', i.value_cents, o.programme_id, i.funder_id, i.order_id, p_venue_id, i.voucher_id, i.id
            FROM inserted i JOIN orders o ON o.id = i.order_id
        ), fully_used AS (
          -- The statement sees the chèques it redeems as still issued, hence "other than those".
          UPDATE carnets c SET status = 'fully_used'
           WHERE c.id IN (SELECT r.carnet_id FROM redeemed r) AND c.status = 'issued'
             AND NOT EXISTS (SELECT 1 FROM vouchers other
                              WHERE other.carnet_id = c.id AND other.status IN ('generated', 'active', 'allocated', 'issued')
                                AND other.id NOT IN (SELECT r.id FROM redeemed r))
          RETURNING c.id, c.funder_id
        ), audited AS (
          INSERT INTO audit_events (actor_kind, actor_user_id, actor_api_key_id, actor_organisation_id, actor_label, request_id,
                                    action, object_type, object_id, object_organisation_id, before, after)
          SELECT actor.kind, actor.user_id, actor.api_key_id, actor.organisation_id, actor.label, actor.request_id,
                 event.action, event.object_type, event.object_id, event.object_organisation_id, event.before, event.after
            FROM jsonb_to_record(p_audit_actor)
                   AS actor(kind text, user_id uuid, api_key_id uuid, organisation_id uuid, label text, request_id text)
           CROSS JOIN (
                 SELECT 'voucher.redeemed' AS action, 'voucher' AS object_type, i.voucher_id::text AS object_id,
                        i.funder_id AS object_organisation_id, jsonb_build_object('status', 'issued') AS before,
                        jsonb_build_object('status', 'redeemed', 'redemptionId', i.id, 'venueId', p_venue_id,
                                           'serviceId', p_service_id, 'mode', p_mode) AS after
                   FROM inserted i
                 UNION ALL
                 SELECT 'carnet.fully_used', 'carnet', f.id::text, f.funder_id, jsonb_build_object('status', 'issued'),
                        jsonb_build_object('status', 'fully_used',
                                           'redemptionId', (SELECT min(i.id::text) FROM inserted i JOIN redeemed r ON r.id = i.voucher_id
                                                             WHERE r.carnet_id = f.id))
                   FROM fully_used f) AS event
        )
        SELECT i.id, i.voucher_id, i.value_cents, i.recorded_at, r.carnet_id, r.carnet_id IN (SELECT f.id FROM fully_used f)
          FROM inserted i JOIN redeemed r ON r.id = i.voucher_id;
      END
      $function$
`;

/** Kept apart so that a later migration that drops the function can put it back on revert. */
export const CREATE_REDEEM_VOUCHERS_ONCE = `
      CREATE FUNCTION redeem_vouchers_once(
        p_lock_key text, p_organisation_id uuid, p_key text, p_endpoint text, p_request_hash bytea,
        p_response_status integer, p_response_body json,
        p_voucher_ids uuid[], p_redemption_ids uuid[], p_venue_id uuid, p_site_id uuid, p_service_id uuid,
        p_service_category text, p_mode text, p_device_id text, p_scanned_at timestamptz,
        p_user_id uuid, p_api_key_id uuid, p_offline_batch_id uuid, p_audit_actor jsonb)
      RETURNS text
      LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $function$
      DECLARE
        redeemed_count integer;
      BEGIN
        -- The same transaction-scoped lock IdempotencyService takes: whoever holds it runs the request.
        IF NOT pg_try_advisory_xact_lock(hashtextextended(p_lock_key, 0)) THEN
          RETURN 'in_progress';
        END IF;
        -- A statement after the lock: its snapshot sees an answer committed by the previous holder.
        IF EXISTS (SELECT 1 FROM idempotency_records WHERE organisation_id = p_organisation_id AND key = p_key) THEN
          RETURN 'answered';
        END IF;
        SELECT count(*) INTO redeemed_count
          FROM redeem_vouchers(p_voucher_ids, p_redemption_ids, p_venue_id, p_site_id, p_service_id, p_service_category, p_mode,
                               p_device_id, p_scanned_at, p_user_id, p_api_key_id, p_offline_batch_id, p_audit_actor);
        IF redeemed_count <> cardinality(p_voucher_ids) THEN
          -- All or nothing: nothing was written.
          RETURN 'not_redeemed';
        END IF;
        INSERT INTO idempotency_records (organisation_id, key, endpoint, request_hash, response_status, response_body)
        VALUES (p_organisation_id, p_key, p_endpoint, p_request_hash, p_response_status, p_response_body);
        RETURN 'redeemed';
      END
      $function$
`;

/**
 * Single use as two PostgreSQL functions, so that an online redemption is one round trip:
 * - `redeem_vouchers`: locks the chèques' carnets, then (in a statement of its own, hence a fresh
 *   snapshot) redeems all the chèques or none, with their redemptions, the money owed to the venue, the
 *   carnets used up, and the audit rows of all of it;
 * - `redeem_vouchers_once`: the same under an Idempotency-Key, storing the answer in the same transaction.
 * The rules that name a refusal stay in TypeScript (`refusalFor`); these functions only write, and
 * write nothing unless every chèque is still `issued`. Their plans are generic: left to itself,
 * PostgreSQL re-plans these parameterised statements on every call, which costs more than running them
 * (measured: twice the throughput with generic plans). A generic plan is kept for the connection's
 * life, so it must not depend on how big the tables were when it was made: with sequential scans off,
 * every look-up goes through its index, as it should once the tables are large.
 */
export class RedeemVouchersFunctions1795390000000 implements MigrationInterface {
  name = 'RedeemVouchersFunctions1795390000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(CREATE_REDEEM_VOUCHERS);
    await queryRunner.query(CREATE_REDEEM_VOUCHERS_ONCE);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION redeem_vouchers_once(text, uuid, text, text, bytea, integer, json, uuid[], uuid[], uuid, uuid, uuid, text, text, text, timestamptz, uuid, uuid, uuid, jsonb)`,
    );
    await queryRunner.query(
      `DROP FUNCTION redeem_vouchers(uuid[], uuid[], uuid, uuid, uuid, text, text, text, timestamptz, uuid, uuid, uuid, jsonb)`,
    );
  }
}
