/**
 * Money events, each an append-only ledger line in signed cents. Balances are sums over these lines,
 * never stored; a correction is a new line (`reversesEntryId`), never an update.
 */
export const LEDGER_ENTRY_KINDS = [
  'order_face_value_due', // funder owes the face value of an order (at approval)
  'operator_fee_due', // funder owes the operator fee on that face value
  'funder_payment_received', // funder paid (recorded by ANCT)
  'redemption_owed_to_venue', // a venue redeemed a chèque: owed its face value
  'venue_payment_made', // a statement was paid to the venue
  'expired_value_credit_note', // unused value credited back to the funder after expiry
  'state_share_due', // State co-financing owed to the funder (rate × value redeemed, capped)
  'state_share_paid',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
