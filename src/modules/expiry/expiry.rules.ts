/**
 * Expiry rules, written as SQL fragments because they run set-based over millions of chèques; the
 * same fragments serve the expiry job, the J-30 warnings and the reconciliation checks, so the three
 * can never disagree on when a chèque stops being redeemable.
 */

/** Chèques that can still change: not yet used, expired or cancelled. */
export const LIVE_VOUCHER_STATUSES = ['generated', 'active', 'allocated', 'issued'] as const;
/** Chèques the expiry job moves to `expired` (a `generated` chèque belongs to an order still being generated). */
export const EXPIRABLE_VOUCHER_STATUSES = ['active', 'allocated', 'issued'] as const;
/** Final states whose value was not used: the credit note refunds their face value. */
export const UNUSED_FINAL_VOUCHER_STATUSES = ['expired', 'cancelled'] as const;
/** Carnets the expiry job may close. */
export const OPEN_CARNET_STATUSES = ['in_stock', 'allocated', 'issued'] as const;

export const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * Last instant a chèque is redeemable: its printed validity end plus the programme's grace days,
 * counted as Paris calendar days (so 31/12 23:59:59 + 31 days is 31/01 23:59:59, whatever DST does).
 * `voucher` and `programme` are SQL aliases of `vouchers` and `programmes`.
 */
export function redeemableUntilSql(voucher: string, programme: string): string {
  return `(((${voucher}.expires_at AT TIME ZONE 'Europe/Paris') + make_interval(days => ${programme}.grace_days)) AT TIME ZONE 'Europe/Paris')`;
}
