import { ApiProperty } from '@nestjs/swagger';

/** One month (Paris) of the usage funnel, as the report's *Parcours* sheet has it. */
export class FundingFiguresMonthDto {
  @ApiProperty({ type: 'string', example: '2026-11' })
  month: string;

  @ApiProperty({ type: 'integer', description: 'Carnets of the orders approved that month.' })
  carnetsOrdered: number;

  @ApiProperty({ type: 'integer', description: 'Carnets allocated to prescriber structures that month (not taken back since).' })
  carnetsAllocated: number;

  @ApiProperty({ type: 'integer', description: 'Carnets handed out that month.' })
  carnetsIssued: number;

  @ApiProperty({ type: 'integer', description: 'Of the carnets handed out that month, those with at least one chèque redeemed.' })
  carnetsFirstUse: number;

  @ApiProperty({ type: 'integer', description: 'Of the carnets handed out that month, those with every chèque redeemed.' })
  carnetsAllUsed: number;

  @ApiProperty({ type: 'number', nullable: true, description: 'carnetsFirstUse ÷ carnetsIssued.' })
  firstUseRate: number | null;

  @ApiProperty({ type: 'number', nullable: true, description: 'carnetsAllUsed ÷ carnetsIssued.' })
  allUsedRate: number | null;

  @ApiProperty({ type: 'integer', description: 'Chèques of the carnets handed out that month.' })
  vouchersIssued: number;

  @ApiProperty({ type: 'integer', description: 'Of those, chèques redeemed.' })
  vouchersRedeemed: number;
}
