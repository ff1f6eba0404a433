import type { RedemptionVenueContext } from '../venues/venues.repository';
import { hashVoucherCode } from '../vouchers/voucher-code.rules';
import type { VoucherForRedemptionRow } from './redemption-reads';
import type { VoucherInputErrorCode, VoucherRefusalCode } from './redemptions.errors';
import { type RedemptionPlace, refusalFor } from './redemption.rules';

/** A chèque input that passed every check that needs no database. */
export interface ReadyInput {
  code: string;
  hash: Buffer;
  /** Serial signed in the QR, when the chèque was scanned. */
  qrSerial: string | null;
}

export function readyInput(code: string, qrSerial: string | null): ReadyInput {
  return { code, hash: hashVoucherCode(code), qrSerial };
}

export type VoucherVerdict =
  | { outcome: 'ok'; row: VoucherForRedemptionRow }
  | { outcome: 'refused'; code: VoucherRefusalCode | VoucherInputErrorCode; row: VoucherForRedemptionRow | null };

/**
 * What the database says of one input. An unknown code, whatever the reason (never generated, typed
 * with two compensating typos, another installation's chèque), gets one and the same verdict.
 */
export function verdictFor(input: ReadyInput, row: VoucherForRedemptionRow | undefined, place: RedemptionPlace, at: Date): VoucherVerdict {
  if (!row) return { outcome: 'refused', code: 'INVALID_CODE', row: null };
  // A genuine key never signs a code with another chèque's serial; refuse rather than trust either half.
  if (input.qrSerial !== null && input.qrSerial !== row.serial) return { outcome: 'refused', code: 'INVALID_SIGNATURE', row: null };
  const refusal = refusalFor(row, place, at);
  return refusal ? { outcome: 'refused', code: refusal, row } : { outcome: 'ok', row };
}

export function rowsByHash(rows: readonly VoucherForRedemptionRow[]): Map<string, VoucherForRedemptionRow> {
  return new Map(rows.map((row) => [row.codeHash.toString('hex'), row]));
}

/**
 * When, and — only to the venue that redeemed it — where and which redemption (so it can undo it).
 * Another venue learns the date, never who.
 */
export function alreadyRedeemedDetails(row: VoucherForRedemptionRow, venueId: string): Record<string, unknown> {
  const here = row.redeemedByVenueId === venueId;
  return {
    redeemedAt: row.redeemedAt,
    redeemedHere: here,
    ...(here
      ? { redemptionId: row.redemptionId, site: row.redeemedAtSiteId ? { id: row.redeemedAtSiteId, name: row.redeemedAtSiteName } : null }
      : {}),
  };
}

/** Per-input detail of a refused request: serial only for chèques the venue holds and the platform knows. */
export function verdictDetails(index: number, verdict: VoucherVerdict, venueId: string): Record<string, unknown> {
  if (verdict.outcome === 'ok') return { index, serial: verdict.row.serial, outcome: 'ok' };
  if (!verdict.row) return { index, outcome: 'refused', code: verdict.code };
  return {
    index,
    serial: verdict.row.serial,
    outcome: 'refused',
    code: verdict.code,
    ...(verdict.code === 'ALREADY_REDEEMED' ? alreadyRedeemedDetails(verdict.row, venueId) : {}),
  };
}

/** Where the chèques are used: the named site, else the venue's own address. */
export function placeOf(venue: RedemptionVenueContext, site: RedemptionVenueContext['sites'][number] | null): RedemptionPlace {
  return site
    ? { communeInseeCode: site.communeInseeCode, departementCode: site.departementCode }
    : { communeInseeCode: venue.communeInseeCode, departementCode: venue.departementCode };
}
