import type { VoucherStatus } from '../vouchers/voucher-status';
import type { VoucherRefusalCode } from './redemptions.errors';

/**
 * Whether one chèque may be redeemed at one place and time. Pure: the caller reads the chèque, its
 * order's territory and when it stops being redeemable; PostgreSQL then enforces single use on its
 * own (conditional update + unique index), whatever this function said.
 */
export interface VoucherForRedemption {
  status: VoucherStatus;
  /**
   * Its printed expiry plus its programme's grace days, as `redeemableUntilSql` computes it for the
   * look-up: the same expression the expiry job and the reconciliation use.
   */
  redeemableUntil: Date;
  issuedAt: Date | null;
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
  if (at.getTime() > voucher.redeemableUntil.getTime()) return 'EXPIRED';
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
