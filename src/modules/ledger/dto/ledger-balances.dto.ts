import { ApiProperty } from '@nestjs/swagger';

/** Balances are sums of ledger lines, never stored; positive means still owed. */
export class LedgerBalancesDto {
  @ApiProperty({ type: 'integer', description: 'Face value and fees due by funders, minus their payments received.' })
  funderOutstandingCents: number;

  @ApiProperty({ type: 'integer', description: 'Unused value credited back to funders after expiry.' })
  creditNotesCents: number;

  @ApiProperty({ type: 'integer', description: 'Value owed to venues for their redemptions, minus what they were paid.' })
  owedToVenuesCents: number;

  @ApiProperty({ type: 'integer', description: 'State co-financing due to funders, minus what the State paid.' })
  stateShareOutstandingCents: number;
}

/** Sum of the lines of each kind, in cents (a kind without lines is absent). */
export class LedgerTotalsDto {
  @ApiProperty({ type: 'integer', required: false })
  order_face_value_due?: number;

  @ApiProperty({ type: 'integer', required: false })
  operator_fee_due?: number;

  @ApiProperty({ type: 'integer', required: false })
  funder_payment_received?: number;

  @ApiProperty({ type: 'integer', required: false })
  redemption_owed_to_venue?: number;

  @ApiProperty({ type: 'integer', required: false })
  venue_payment_made?: number;

  @ApiProperty({ type: 'integer', required: false })
  expired_value_credit_note?: number;

  @ApiProperty({ type: 'integer', required: false })
  state_share_due?: number;

  @ApiProperty({ type: 'integer', required: false })
  state_share_paid?: number;
}

export class LedgerSummaryDto {
  @ApiProperty({ type: () => LedgerTotalsDto })
  totals: LedgerTotalsDto;

  @ApiProperty({ type: () => LedgerBalancesDto })
  balances: LedgerBalancesDto;
}
