import { sqlFile } from '../../database/sql-file';
import type { RedemptionVenueContext } from '../venues/venues.repository';
import type { VoucherStatus } from '../vouchers/voucher-status';
import type { StoredResponse } from '../../common/idempotency/idempotency.repository';

/** A chèque as a redemption sees it: its state, its order's territory, its programme's rules, its active redemption. */
export interface VoucherForRedemptionRow {
  id: string;
  codeHash: Buffer;
  serial: string;
  status: VoucherStatus;
  faceValueCents: number;
  expiresAt: Date;
  redeemableUntil: Date;
  issuedAt: Date | null;
  funderId: string;
  orderId: string;
  programmeId: string;
  territoryDepartements: string[];
  territoryCommunes: string[];
  offlineValueCeilingCents: string;
  redemptionId: string | null;
  redeemedByVenueId: string | null;
  redeemedAt: Date | null;
  redeemedAtSiteId: string | null;
  redeemedAtSiteName: string | null;
  redeemedDeviceId: string | null;
}

export interface VenueAndVouchers {
  venue: RedemptionVenueContext;
  vouchers: VoucherForRedemptionRow[];
  /** The answer stored under the read's Idempotency-Key, if any. */
  earlier: StoredResponse | null;
}

/** One read as `READ_FOR_REDEMPTIONS_SQL` takes it, in a JSON array: uuid[] literals, hex code hashes. */
export interface RedemptionRead {
  venueId: string;
  serviceIds: string;
  siteIds: string;
  codeHashes: string[];
  key: string | null;
}

type EarlierAnswerRow = { endpoint: string; requestHash: string; responseStatus: number; responseBody: unknown };

export type RedemptionReadRow = { venue: RedemptionVenueContext; earlier: EarlierAnswerRow | null } & Partial<VoucherForRedemptionRow>;

/** Everything a redemption reads, for each read of a JSON array; rows numbered by `request` (see the file). */
export const READ_FOR_REDEMPTIONS_SQL = sqlFile(__dirname, 'sql/read-for-redemptions.sql');

export function redemptionRead(
  venueId: string,
  serviceIds: readonly string[],
  siteIds: readonly string[],
  codeHashes: readonly Buffer[],
  key: string | null = null,
): RedemptionRead {
  return {
    venueId,
    serviceIds: postgresArray(serviceIds),
    siteIds: postgresArray(siteIds),
    codeHashes: codeHashes.map((hash) => hash.toString('hex')),
    key,
  };
}

/** The rows of one read: null when the venue is not an active venue. */
export function venueAndVouchers(rows: readonly RedemptionReadRow[]): VenueAndVouchers | null {
  if (rows.length === 0) return null;
  const vouchers = rows
    .filter((row) => row.id != null)
    .map(({ venue: _venue, earlier: _earlier, ...voucher }) => voucher as VoucherForRedemptionRow);
  const [{ venue, earlier }] = rows;
  return {
    venue,
    vouchers,
    earlier: earlier && {
      endpoint: earlier.endpoint,
      requestHash: Buffer.from(earlier.requestHash, 'hex'),
      responseStatus: earlier.responseStatus,
      responseBody: earlier.responseBody,
    },
  };
}

/** Rows numbered by `request` (from 1), one list per read. */
export function rowsByRead(reads: number, rows: readonly (RedemptionReadRow & { request: string })[]): RedemptionReadRow[][] {
  const byRead = Array.from({ length: reads }, (): RedemptionReadRow[] => []);
  for (const { request, ...row } of rows) byRead[Number(request) - 1].push(row);
  return byRead;
}

/** A uuid[] literal: the ids are uuids, nothing to escape. */
function postgresArray(uuids: readonly string[]): string {
  return `{${uuids.join(',')}}`;
}
