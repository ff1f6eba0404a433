import { ApiProperty } from '@nestjs/swagger';

const count = (description: string) => ApiProperty({ type: 'integer', description });
const cents = (description: string) => ApiProperty({ type: 'integer', description: `${description} (cents).` });
const rate = (description: string) =>
  ApiProperty({
    type: 'number',
    nullable: true,
    description: `${description}; a ratio between 0 and 1, null when there is nothing to divide by.`,
  });

/**
 * The figures of a scope, exactly as the funding report computes them (same query, same rules): each
 * field is the report's column of the same meaning, see docs/reimbursements-and-reports.md.
 */
export class FundingFiguresValuesDto {
  @count('Carnets of the orders approved or beyond.') carnetsOrdered: number;
  @count('Chèques of those orders.') vouchersOrdered: number;
  @cents('Face value ordered') valueOrderedCents: number;
  @cents('Face value paid by the funders') valuePaidCents: number;
  @cents('Fees paid') feesPaidCents: number;
  @count('Chèques in the funders’ stock.') vouchersInStock: number;
  @count('Chèques allocated to prescribers, not handed out.') vouchersAllocated: number;
  @count('Chèques handed out and not used (yet).') vouchersIssued: number;
  @count('Chèques redeemed.') vouchersRedeemed: number;
  @count('Chèques expired.') vouchersExpired: number;
  @count('Chèques cancelled (opposition).') vouchersCancelled: number;
  @count('Chèques ever handed to a beneficiary.') vouchersEverIssued: number;
  @rate('Chèques redeemed ÷ chèques ever handed out') redemptionRate: number | null;
  @count('Carnets handed out.') carnetsIssued: number;
  @count('Distinct people the carnets were handed to.') peopleReached: number;
  @count('Carnets handed out without a person identifier (not in `peopleReached`).') carnetsWithoutPersonId: number;
  @count('Carnets handed to the target public.') carnetsTargetPublic: number;
  @count('Carnets whose hand-out recorded the public (the share’s denominator).') carnetsWithIssuanceRecord: number;
  @rate('Carnets to the target public ÷ carnets with a hand-out record') targetPublicShare: number | null;
  @count('The programme’s minimum share of the target public, in basis points (5000 = 50 %).') targetPublicMinRateBp: number;

  @ApiProperty({
    type: 'boolean',
    nullable: true,
    description: 'Whether the share reaches the programme’s minimum; null when nothing was handed out.',
  })
  targetPublicMinimumMet: boolean | null;

  @count('Venues that redeemed at least one chèque.') venuesActive: number;
  @cents('Value redeemed') valueRedeemedCents: number;
  @cents('Value reimbursed to venues (paid statements)') valueReimbursedCents: number;
  @cents('Value redeemed, not reimbursed yet') valuePendingCents: number;
  @cents('State share due') stateShareDueCents: number;
  @cents('State share received') stateSharePaidCents: number;
  @cents('Credit notes for expired value') creditNoteCents: number;
}
