import { ApiProperty } from '@nestjs/swagger';

/** State co-financing of one funder in a programme: min(rate × value redeemed, cap), recorded, paid, outstanding. */
export class StateShareDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'string' })
  funderName: string;

  @ApiProperty({ type: 'integer', example: 5000, description: '5000 = 50 %.' })
  rateBp: number;

  @ApiProperty({ type: 'integer', description: "The funder's envelope (or the programme's default cap)." })
  capCents: number;

  @ApiProperty({ type: 'integer', description: 'Value of the active redemptions now.' })
  redeemedValueCents: number;

  @ApiProperty({ type: 'integer', description: 'The rule applied to the value redeemed now (what the next computation will record).' })
  dueNowCents: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the state_share_due ledger lines.' })
  dueRecordedCents: number;

  @ApiProperty({ type: 'integer' })
  paidCents: number;

  @ApiProperty({ type: 'integer' })
  outstandingCents: number;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Cut-off of the last computation: redemptions recorded up to this instant were counted.',
  })
  countedUpTo: Date | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the last computation ran (STATE_SHARE_SETTLING_SECONDS after its cut-off).',
  })
  lastComputedAt: Date | null;

  @ApiProperty({ type: 'integer', description: 'Active redemptions recorded after that cut-off: the next computation counts them.' })
  notYetCountedRedemptions: number;

  @ApiProperty({ type: 'integer' })
  notYetCountedValueCents: number;
}

/** A State share payment recorded: the funder's totals afterwards. */
export class StateSharePaymentDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'integer' })
  dueRecordedCents: number;

  @ApiProperty({ type: 'integer' })
  paidCents: number;

  @ApiProperty({ type: 'integer' })
  outstandingCents: number;
}
