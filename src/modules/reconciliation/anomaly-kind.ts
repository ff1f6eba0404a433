/**
 * What reconciliation checks, one kind per broken invariant of DOMAIN.md "What reconciliation must
 * prove". Documented with their meaning in docs/reimbursements-and-reports.md.
 */
export const ANOMALY_KINDS = [
  'order_payment_mismatch', // paid order: payments received ≠ face value + fee
  'order_due_mismatch', // approved order: face value / fee due in the ledger ≠ the order's amounts
  'order_stock_mismatch', // ready order: carnets or chèques generated ≠ ordered
  'voucher_carnet_state_mismatch', // chèque state impossible for its carnet's state
  'voucher_redemption_mismatch', // redeemed chèque without active redemption, or the reverse, or another value
  'voucher_in_two_statements', // one chèque's redemptions appear in two statements
  'statement_total_mismatch', // statement count/total ≠ its active redemptions
  'statement_payment_mismatch', // payment lines of a statement ≠ its total (paid) or present while unpaid
  'redemption_by_unqualified_venue', // venue not qualified at the scan time
  'redemption_after_expiry', // scanned after validity + grace
  'redemption_outside_territory', // venue outside the order's territory restriction
  'redemption_ledger_mismatch', // ledger amount owed to the venue for a redemption ≠ its value (or ≠ 0 once cancelled)
  'venue_balance_mismatch', // redeemed (ledger) ≠ reimbursed (ledger) + pending (redemptions not in a paid statement)
  'credit_note_mismatch', // credit note ≠ unused value of the order, or missing, or written while chèques are live
  'state_share_mismatch', // State share due (ledger) ≠ min(rate × value redeemed, cap)
  'state_share_overpaid', // State share paid > due
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
