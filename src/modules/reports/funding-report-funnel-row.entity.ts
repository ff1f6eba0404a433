import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FundingReportEntity } from './funding-report.entity';

/**
 * Usage funnel of one month (Paris): carnets ordered and allocated that month, and the carnets handed out
 * that month with how many of them were used at least once, and fully.
 */
@Entity('funding_report_funnel_rows')
export class FundingReportFunnelRowEntity {
  @PrimaryColumn('uuid')
  reportId: string;

  @ManyToOne(() => FundingReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_funding_report_funnel_rows_report' })
  report?: FundingReportEntity;

  /** First day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'bigint' }) carnetsOrdered: string;
  @Column({ type: 'bigint' }) carnetsAllocated: string;
  @Column({ type: 'bigint' }) carnetsIssued: string;
  @Column({ type: 'bigint' }) carnetsFirstUse: string;
  @Column({ type: 'bigint' }) carnetsAllUsed: string;
  @Column({ type: 'bigint' }) vouchersIssued: string;
  @Column({ type: 'bigint' }) vouchersRedeemed: string;
}
