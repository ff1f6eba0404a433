import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundingReportEntity } from './funding-report.entity';

export const FUNDING_REPORT_LEVELS = ['programme', 'funder', 'departement'] as const;
export type FundingReportLevel = (typeof FUNDING_REPORT_LEVELS)[number];

/**
 * One line of a report's summary: the whole scope, one funder, or the funders of one département.
 * Counts and cents as computed by the report's aggregation query; ratios are derived when written.
 */
@Entity('funding_report_rows')
@Check('ck_funding_report_rows_level', `level IN ('programme', 'funder', 'departement')`)
export class FundingReportRowEntity {
  @PrimaryColumn('uuid')
  reportId: string;

  @ManyToOne(() => FundingReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_funding_report_rows_report' })
  report?: FundingReportEntity;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  level: FundingReportLevel;

  /** Funder id or département code; empty for the programme line. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'bigint' }) carnetsOrdered: string;
  @Column({ type: 'bigint' }) vouchersOrdered: string;
  @Column({ type: 'bigint' }) valueOrderedCents: string;
  @Column({ type: 'bigint' }) valuePaidCents: string;
  @Column({ type: 'bigint' }) feesPaidCents: string;
  @Column({ type: 'bigint' }) vouchersInStock: string;
  @Column({ type: 'bigint' }) vouchersAllocated: string;
  @Column({ type: 'bigint' }) vouchersIssued: string;
  @Column({ type: 'bigint' }) vouchersRedeemed: string;
  @Column({ type: 'bigint' }) vouchersExpired: string;
  @Column({ type: 'bigint' }) vouchersCancelled: string;
  /** Chèques ever handed to a beneficiary (whatever their state now): the redemption rate's denominator. */
  @Column({ type: 'bigint' }) vouchersEverIssued: string;
  @Column({ type: 'bigint' }) carnetsIssued: string;
  @Column({ type: 'bigint' }) carnetsTargetPublic: string;
  /** Carnets whose hand-out was recorded with its public (the target-public share's denominator). */
  @Column({ type: 'bigint' }) carnetsWithIssuanceRecord: string;
  @Column({ type: 'bigint' }) peopleReached: string;
  @Column({ type: 'bigint' }) carnetsWithoutPersonId: string;
  @Column({ type: 'int' }) targetPublicMinRateBp: number;
  @Column({ type: 'bigint' }) venuesActive: string;
  @Column({ type: 'bigint' }) valueRedeemedCents: string;
  @Column({ type: 'bigint' }) valueReimbursedCents: string;
  @Column({ type: 'bigint' }) valuePendingCents: string;
  @Column({ type: 'bigint' }) stateShareDueCents: string;
  @Column({ type: 'bigint' }) stateSharePaidCents: string;
  @Column({ type: 'bigint' }) creditNoteCents: string;
}
