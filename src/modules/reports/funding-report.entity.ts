import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import type { FundingReportStatus } from './funding-report-status';

/**
 * A funding report (bilan) of a programme, either whole (ANCT) or limited to one funder. Its figures
 * are computed once by the job into the row tables, then written as CSV and XLSX files.
 */
@Entity('funding_reports')
@Index('ix_funding_reports_programme', ['programmeId', 'createdAt'])
@Index('ix_funding_reports_funder', ['funderId', 'createdAt'])
@Check('ck_funding_reports_status', `status IN ('queued', 'running', 'ready', 'failed')`)
@Check(
  'ck_funding_reports_ready',
  `status <> 'ready' OR (summary_csv_path IS NOT NULL AND funnel_csv_path IS NOT NULL AND xlsx_path IS NOT NULL)`,
)
export class FundingReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_funding_reports_programme' })
  programme?: ProgrammeEntity;

  /** Null: the whole programme (ANCT only). Set: that funder's scope. */
  @Column({ type: 'uuid', nullable: true })
  funderId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_funding_reports_funder' })
  funder?: OrganisationEntity;

  @Column({ type: 'text', default: 'queued' })
  status: FundingReportStatus;

  @Column({ type: 'uuid' })
  requestedByOrganisationId: string;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  /** Figures are those of the database at this instant (one snapshot for every figure). */
  @Column({ type: 'timestamptz', nullable: true })
  asOf: Date | null;

  @Column({ type: 'text', nullable: true })
  summaryCsvPath: string | null;

  @Column({ type: 'text', nullable: true })
  funnelCsvPath: string | null;

  @Column({ type: 'text', nullable: true })
  xlsxPath: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
