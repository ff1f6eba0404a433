import { ApiProperty } from '@nestjs/swagger';

/** One funder's State share in a programme (`GET /state-share`). Amounts are integer cents, as strings (bigint). */
export class StateShareLineDto {
  @ApiProperty()
  funderId: string;

  @ApiProperty({ example: 'Département du Rhône' })
  funderName: string;

  @ApiProperty({ example: 5000, description: 'State share rate, in basis points (5000 = 50 %).' })
  rateBp: number;

  @ApiProperty({ example: '300000000', description: "The funder's envelope (cap of the State share)." })
  capCents: string;

  @ApiProperty({ example: '125000', description: 'Face value of its active redemptions now.' })
  redeemedValueCents: string;

  @ApiProperty({ example: '62500', description: 'The rule applied to the value redeemed now (what the next computation will record).' })
  dueNowCents: string;

  @ApiProperty({ example: '62000', description: 'Sum of the state_share_due ledger lines.' })
  dueRecordedCents: string;

  @ApiProperty({ example: '50000' })
  paidCents: string;

  @ApiProperty({ example: '12000', description: 'dueRecordedCents − paidCents.' })
  outstandingCents: string;

  @ApiProperty({ nullable: true, type: Date, description: 'Cut-off of the last computation: redemptions recorded up to this instant were counted.' })
  countedUpTo: Date | null;

  @ApiProperty({ nullable: true, type: Date, description: 'When the last computation ran (STATE_SHARE_SETTLING_SECONDS after its cut-off).' })
  lastComputedAt: Date | null;

  @ApiProperty({ example: 1, description: 'Active redemptions recorded after that cut-off: the next computation counts them.' })
  notYetCountedRedemptions: number;

  @ApiProperty({ example: '1000' })
  notYetCountedValueCents: string;
}
