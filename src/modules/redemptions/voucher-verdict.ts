import type { RedemptionVenueContext } from '../venues/venues.repository';
import { hashVoucherCode } from '../vouchers/voucher-code.rules';
import type { VoucherForRedemptionRow } from './redemption-reads';
import { VOUCHER_ERROR_MESSAGES, type VoucherInputErrorCode, type VoucherRefusalCode } from './redemptions.errors';
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

export interface AlreadyRedeemed {
  redeemedAt: Date | null;
  redeemedHere: boolean;
  redemptionId?: string | null;
  site?: { id: string; name: string | null } | null;
}

/**
 * When, and — only to the venue that redeemed it — where and which redemption (so it can undo it).
 * Another venue learns the date, never who.
 */
export function alreadyRedeemedDetails(row: VoucherForRedemptionRow, venueId: string): AlreadyRedeemed {
  const here = row.redeemedByVenueId === venueId;
  return {
    redeemedAt: row.redeemedAt,
    redeemedHere: here,
    ...(here
      ? { redemptionId: row.redemptionId, site: row.redeemedAtSiteId ? { id: row.redeemedAtSiteId, name: row.redeemedAtSiteName } : null }
      : {}),
  };
}

export type VoucherRefusalReason = VoucherRefusalCode | VoucherInputErrorCode | 'VENUE_NOT_QUALIFIED';

/** Why one chèque is refused: the one shape of a refusal, in a check's answer and in a refused redemption's `details.items`. */
export interface VoucherRefusal {
  code: VoucherRefusalReason;
  message: string;
  /** ALREADY_REDEEMED only. */
  alreadyRedeemed?: AlreadyRedeemed;
  /** INVALID_SIGNATURE only: what exactly failed in the QR. */
  signatureError?: string;
}

/** One chèque of a refused request; `serial` only for chèques the platform knows. */
export interface VoucherItemVerdict {
  index: number;
  serial: string | null;
  outcome: 'ok' | 'refused';
  refusal: VoucherRefusal | null;
}

const VENUE_NOT_QUALIFIED_MESSAGE = 'Your venue is not qualified to redeem chèques.';

export function voucherRefusal(
  code: VoucherRefusalReason,
  extra: Pick<VoucherRefusal, 'alreadyRedeemed' | 'signatureError'> = {},
): VoucherRefusal {
  return { code, message: code === 'VENUE_NOT_QUALIFIED' ? VENUE_NOT_QUALIFIED_MESSAGE : VOUCHER_ERROR_MESSAGES[code], ...extra };
}

/** The refusal of a verdict, with when (and, to this venue, where) an already redeemed chèque was used. */
export function refusalOf(verdict: VoucherVerdict, venueId: string): VoucherRefusal | null {
  if (verdict.outcome === 'ok') return null;
  return voucherRefusal(
    verdict.code,
    verdict.code === 'ALREADY_REDEEMED' && verdict.row ? { alreadyRedeemed: alreadyRedeemedDetails(verdict.row, venueId) } : {},
  );
}

/** Per-input detail of a refused request. */
export function verdictDetails(index: number, verdict: VoucherVerdict, venueId: string): VoucherItemVerdict {
  return { index, serial: verdict.row?.serial ?? null, outcome: verdict.outcome, refusal: refusalOf(verdict, venueId) };
}

/** Where the chèques are used: the named site, else the venue's own address. */
export function placeOf(venue: RedemptionVenueContext, site: RedemptionVenueContext['sites'][number] | null): RedemptionPlace {
  return site
    ? { communeInseeCode: site.communeInseeCode, departementCode: site.departementCode }
    : { communeInseeCode: venue.communeInseeCode, departementCode: venue.departementCode };
}
