import { DomainError } from '../../common/errors/domain-error';

/** Why one chèque cannot be redeemed here and now. */
export type VoucherRefusalCode = 'ALREADY_REDEEMED' | 'EXPIRED' | 'CANCELLED' | 'NOT_ISSUED' | 'OUTSIDE_TERRITORY';

/** Why what the venue typed or scanned is not a chèque at all (answered before or without revealing anything). */
export type VoucherInputErrorCode = 'INVALID_CODE' | 'INVALID_SIGNATURE' | 'CHECK_CHARACTER_MISMATCH';

export type RedemptionErrorCode =
  | VoucherRefusalCode
  | VoucherInputErrorCode
  | 'VENUE_NOT_QUALIFIED'
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_SITE'
  | 'TOO_MANY_VOUCHERS_FOR_SERVICE'
  | 'DUPLICATE_VOUCHER_IN_REQUEST'
  | 'REDEMPTION_NOT_CANCELLABLE';

export class RedemptionError extends DomainError<RedemptionErrorCode> {}

export const VOUCHER_ERROR_MESSAGES: Record<VoucherRefusalCode | VoucherInputErrorCode, string> = {
  ALREADY_REDEEMED: 'This chèque has already been redeemed.',
  EXPIRED: 'This chèque has expired.',
  CANCELLED: 'This chèque has been cancelled (opposition).',
  NOT_ISSUED: 'This chèque has not been handed to a beneficiary.',
  OUTSIDE_TERRITORY: 'This chèque cannot be used in this territory.',
  INVALID_CODE: 'No chèque matches this code.',
  INVALID_SIGNATURE: 'This QR code is not an authentic chèque.',
  CHECK_CHARACTER_MISMATCH: 'This code contains a typo: check the characters typed.',
};
