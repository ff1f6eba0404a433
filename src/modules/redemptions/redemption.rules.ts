import { parisWallClock } from '../../common/export/export-column';
import type { VoucherStatus } from '../vouchers/voucher-status';
import type { VoucherRefusalCode } from './redemptions.errors';

/**
 * Whether one chèque may be redeemed at one place and time. Pure: the caller reads the chèque, its
 * order's territory and its programme's grace period; PostgreSQL then enforces single use on its own
 * (conditional update + unique index), whatever this function said.
 */
export interface VoucherForRedemption {
  status: VoucherStatus;
  expiresAt: Date;
  issuedAt: Date | null;
  /** Programme setting: days after the printed expiry during which redemptions are still accepted. */
  graceDays: number;
  /** Order restriction; both empty = valid anywhere. */
  territoryDepartements: readonly string[];
  territoryCommunes: readonly string[];
}

/** Where the service took place: the named site, else the venue's own address. */
export interface RedemptionPlace {
  communeInseeCode: string | null;
  departementCode: string | null;
}

/**
 * Offline scans carry the device's clock. A chèque issued a little after a device says it was
 * scanned is a slow clock, not a fraud; minutes, not hours.
 */
export const DEVICE_CLOCK_TOLERANCE_MS = 5 * 60_000;

export function refusalFor(voucher: VoucherForRedemption, place: RedemptionPlace, at: Date): VoucherRefusalCode | null {
  switch (voucher.status) {
    case 'redeemed':
      return 'ALREADY_REDEEMED';
    case 'cancelled':
      return 'CANCELLED';
    case 'expired':
      return 'EXPIRED';
    case 'generated':
    case 'active':
    case 'allocated':
      return 'NOT_ISSUED';
    case 'issued':
      break;
  }
  // Before the printed expiry there is no grace period to compute (the common case, and the costly one).
  if (at.getTime() > voucher.expiresAt.getTime() && at.getTime() > redeemableUntil(voucher.expiresAt, voucher.graceDays).getTime()) return 'EXPIRED';
  if (voucher.issuedAt && voucher.issuedAt.getTime() > at.getTime() + DEVICE_CLOCK_TOLERANCE_MS) return 'NOT_ISSUED';
  if (!isInsideTerritory(voucher, place)) return 'OUTSIDE_TERRITORY';
  return null;
}

export function isInsideTerritory(
  territory: Pick<VoucherForRedemption, 'territoryDepartements' | 'territoryCommunes'>,
  place: RedemptionPlace,
): boolean {
  if (territory.territoryDepartements.length === 0 && territory.territoryCommunes.length === 0) return true;
  return (
    (place.communeInseeCode !== null && territory.territoryCommunes.includes(place.communeInseeCode)) ||
    (place.departementCode !== null && territory.territoryDepartements.includes(place.departementCode))
  );
}

/**
 * Last instant a chèque may be redeemed: its printed expiry plus the grace period, counted in Paris
 * calendar days (end of 31 December + 31 days = end of 31 January, whatever the DST changes between).
 */
export function redeemableUntil(expiresAt: Date, graceDays: number): Date {
  if (graceDays === 0) return expiresAt;
  const start = expiresAt.getTime();
  const shifted = start + graceDays * 86_400_000;
  return new Date(shifted + parisOffsetMs(start) - parisOffsetMs(shifted));
}

function parisOffsetMs(instant: number): number {
  const wall = parisWallClock(new Date(instant));
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSecond;
}

/** A venue may undo its own redemption for this long, as long as no reimbursement statement holds it. */
export const UNDO_WINDOW_MS = 24 * 3_600_000;

export type UndoRefusal = 'ALREADY_CANCELLED' | 'IN_STATEMENT' | 'UNDO_WINDOW_PASSED';

export function undoRefusal(
  redemption: { cancelledAt: Date | null; statementId: string | null; recordedAt: Date },
  now: Date,
): UndoRefusal | null {
  if (redemption.cancelledAt) return 'ALREADY_CANCELLED';
  if (redemption.statementId) return 'IN_STATEMENT';
  if (now.getTime() - redemption.recordedAt.getTime() > UNDO_WINDOW_MS) return 'UNDO_WINDOW_PASSED';
  return null;
}
