import { ledgerBalances } from './ledger-balances.rules';

describe('ledgerBalances', () => {
  it.each([
    [{}, { funderOutstandingCents: '0', creditNotesCents: '0', owedToVenuesCents: '0', stateShareOutstandingCents: '0' }],
    [
      { order_face_value_due: '1000000', operator_fee_due: '40000', funder_payment_received: '1040000' },
      { funderOutstandingCents: '0', creditNotesCents: '0', owedToVenuesCents: '0', stateShareOutstandingCents: '0' },
    ],
    [
      { order_face_value_due: '1000000', operator_fee_due: '40000', funder_payment_received: '500000' },
      { funderOutstandingCents: '540000', creditNotesCents: '0', owedToVenuesCents: '0', stateShareOutstandingCents: '0' },
    ],
    [
      {
        redemption_owed_to_venue: '30000',
        venue_payment_made: '20000',
        expired_value_credit_note: '7000',
        state_share_due: '15000',
        state_share_paid: '10000',
      },
      { funderOutstandingCents: '0', creditNotesCents: '7000', owedToVenuesCents: '10000', stateShareOutstandingCents: '5000' },
    ],
    // Beyond 2^53 cents: bigint arithmetic, no float rounding.
    [
      { redemption_owed_to_venue: '90071992547409930', venue_payment_made: '1' },
      { funderOutstandingCents: '0', creditNotesCents: '0', owedToVenuesCents: '90071992547409929', stateShareOutstandingCents: '0' },
    ],
  ])('%j → %j', (totals, expected) => {
    expect(ledgerBalances(totals)).toEqual(expected);
  });
});
