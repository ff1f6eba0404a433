import type { LedgerEntryKind } from './ledger-entry-kind';

/**
 * Balances are sums of ledger lines, never stored. Each is "what is owed minus what was paid" for
 * one relation; positive means still owed.
 */
export interface LedgerBalances {
  /** Face value and fees due by funders, minus their payments received. */
  funderOutstandingCents: string;
  /** Unused value credited back to funders after expiry. */
  creditNotesCents: string;
  /** Value owed to venues for their redemptions, minus what they were paid. */
  owedToVenuesCents: string;
  /** State co-financing due to funders, minus what the State paid. */
  stateShareOutstandingCents: string;
}

export function ledgerBalances(totals: Partial<Record<LedgerEntryKind, string>>): LedgerBalances {
  const total = (kind: LedgerEntryKind): bigint => BigInt(totals[kind] ?? '0');
  return {
    funderOutstandingCents: (total('order_face_value_due') + total('operator_fee_due') - total('funder_payment_received')).toString(),
    creditNotesCents: total('expired_value_credit_note').toString(),
    owedToVenuesCents: (total('redemption_owed_to_venue') - total('venue_payment_made')).toString(),
    stateShareOutstandingCents: (total('state_share_due') - total('state_share_paid')).toString(),
  };
}
