export const VOUCHER_STATUSES = ['generated', 'active', 'allocated', 'issued', 'redeemed', 'expired', 'cancelled'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];
