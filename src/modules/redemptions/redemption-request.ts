import type { AuditActorRow } from '../../audit/audit.service';
import type { IdentifiedRequest } from '../../common/idempotency/idempotency.service';

/**
 * Chèques to redeem for one service, as the services decide it (camelCase, dates as dates). Handed to
 * SQL as a `RedemptionRequest` (see `redemptionRequest`).
 */
export interface RedeemCommand {
  voucherIds: string[];
  /** One per chèque, chosen by the caller: the answer naming them can be written before they exist. */
  redemptionIds: string[];
  venueId: string;
  siteId: string | null;
  serviceId: string;
  serviceCategory: string;
  mode: 'online' | 'offline';
  scannedAt: Date;
  deviceId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  offlineBatchId: string | null;
  /** Whom the audit rows the writer writes name (see `currentAuditActor`). */
  auditActor: AuditActorRow;
}

/** The answer to store under the request's Idempotency-Key, when the writer claims the key itself (online batches). */
export interface IdempotentAnswer {
  request: IdentifiedRequest;
  responseStatus: number;
  responseBody: unknown;
}

/**
 * The one shape a redemption is handed to SQL in: field for field the composite type
 * `redemption_request` (sql/redemption-request.sql) that `redeem_vouchers` (sql/redeem-vouchers.sql)
 * reads from a JSON array with `json_populate_recordset`, which casts every field to its SQL type; it
 * refuses a request missing a field it needs (a misspelt field is a missing one). Built by
 * `redemptionRequest` only; test/redemption-sql.e2e-spec.ts compares these types with the deployed SQL
 * types through `REDEMPTION_REQUEST_SQL_TYPES`.
 */
export interface RedemptionRequest {
  voucher_ids: string[];
  redemption_ids: string[];
  venue_id: string;
  site_id: string | null;
  service_id: string;
  service_category: string;
  mode: 'online' | 'offline';
  device_id: string | null;
  /** ISO 8601. */
  scanned_at: string;
  user_id: string | null;
  api_key_id: string | null;
  offline_batch_id: string | null;
  audit_actor: AuditActorRow;
  /** Null when the caller's transaction holds the Idempotency-Key (IdempotencyService) or there is none (offline scans). */
  idempotency: RedemptionIdempotency | null;
}

/** The composite type `redemption_idempotency`. */
export interface RedemptionIdempotency {
  lock_key: string;
  organisation_id: string;
  key: string;
  endpoint: string;
  /** bytea in PostgreSQL's hex input form (`\x…`). */
  request_hash: string;
  response_status: number;
  /** Stored as given (a `json` column, text kept): a replay answers byte for byte the same. */
  response_body: unknown;
}

/**
 * The SQL type of each field, per composite type: `Record<keyof …>` makes the compiler refuse a field
 * missing here, the drift test refuses one that differs from the database.
 */
export const REDEMPTION_REQUEST_SQL_TYPES: Record<string, Record<string, string>> = {
  redemption_request: {
    voucher_ids: 'uuid[]',
    redemption_ids: 'uuid[]',
    venue_id: 'uuid',
    site_id: 'uuid',
    service_id: 'uuid',
    service_category: 'text',
    mode: 'text',
    device_id: 'text',
    scanned_at: 'timestamp with time zone',
    user_id: 'uuid',
    api_key_id: 'uuid',
    offline_batch_id: 'uuid',
    audit_actor: 'audit_actor',
    idempotency: 'redemption_idempotency',
  } satisfies Record<keyof RedemptionRequest, string>,
  redemption_idempotency: {
    lock_key: 'text',
    organisation_id: 'uuid',
    key: 'text',
    endpoint: 'text',
    request_hash: 'bytea',
    response_status: 'integer',
    response_body: 'json',
  } satisfies Record<keyof RedemptionIdempotency, string>,
  audit_actor: {
    kind: 'text',
    user_id: 'uuid',
    api_key_id: 'uuid',
    organisation_id: 'uuid',
    label: 'text',
    request_id: 'text',
  } satisfies Record<keyof AuditActorRow, string>,
};

export function redemptionRequest(command: RedeemCommand, answer: IdempotentAnswer | null = null): RedemptionRequest {
  return {
    voucher_ids: command.voucherIds,
    redemption_ids: command.redemptionIds,
    venue_id: command.venueId,
    site_id: command.siteId,
    service_id: command.serviceId,
    service_category: command.serviceCategory,
    mode: command.mode,
    device_id: command.deviceId,
    scanned_at: command.scannedAt.toISOString(),
    user_id: command.userId,
    api_key_id: command.apiKeyId,
    offline_batch_id: command.offlineBatchId,
    audit_actor: command.auditActor,
    idempotency: answer && {
      lock_key: answer.request.lockKey,
      organisation_id: answer.request.organisationId,
      key: answer.request.key,
      endpoint: answer.request.endpoint,
      request_hash: `\\x${answer.request.requestHash.toString('hex')}`,
      response_status: answer.responseStatus,
      response_body: answer.responseBody,
    },
  };
}

/**
 * What `redeem_vouchers` answers per request (see sql/redeem-vouchers.sql):
 * - `redeemed`: done (and, with an Idempotency-Key, the answer stored);
 * - `not_redeemed`: nothing written, a chèque is no longer `issued` (or a conflict within the call): the full path says why;
 * - `in_progress`: another request holds the key;
 * - `answered`: the key was answered meanwhile.
 */
export type RedemptionOutcome = 'redeemed' | 'not_redeemed' | 'in_progress' | 'answered';

/** How `redeem_vouchers` is called: the requests as one JSON array, and how long to wait for a lock (null: as long as the session does). */
export const REDEEM_VOUCHERS_SQL = 'SELECT redeem_vouchers($1::json, $2::integer) AS outcomes';

export function redeemVouchersParameters(requests: readonly RedemptionRequest[], lockTimeoutMs: number | null): unknown[] {
  return [JSON.stringify(requests), lockTimeoutMs];
}
