-- What `redeem_vouchers` (redeem-vouchers.sql) reads: one JSON array of `redemption_request` objects,
-- written by `redemptionRequest` (redemption-request.ts, whose `RedemptionRequest` type mirrors these
-- types field for field; test/redemption-sql.e2e-spec.ts compares them). Deployed by the migration
-- OneRedemptionWriter, which embeds a copy of this file; the same test fails if they differ.
-- Comment lines are not part of the definition.
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
