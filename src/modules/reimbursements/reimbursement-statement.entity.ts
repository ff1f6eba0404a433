import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { JobRunEntity } from '../job-runs/job-run.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PaymentBatchEntity } from './payment-batch.entity';
import type { StatementStatus } from './statement-status';

/**
 * A reimbursement statement (relevé de contre-paiement): the chèques one venue redeemed up to the
 * end of a period and not yet in any statement. Its lines are the redemptions whose `statement_id`
 * points here; count and total are fixed when it is drawn up.
 */
@Entity('reimbursement_statements')
@Index('uq_reimbursement_statements_number', ['number'], { unique: true })
@Index('ix_reimbursement_statements_venue', ['venueId', 'createdAt'])
@Index('ix_reimbursement_statements_status', ['status'])
@Index('ix_reimbursement_statements_payment_batch', ['paymentBatchId'])
@Check('ck_reimbursement_statements_status', `status IN ('draft', 'validated', 'paid')`)
@Check('ck_reimbursement_statements_amounts', `redemption_count > 0 AND total_cents > 0`)
@Check('ck_reimbursement_statements_period', `period_start <= period_end`)
@Check('ck_reimbursement_statements_validated', `status = 'draft' OR validated_at IS NOT NULL`)
@Check('ck_reimbursement_statements_paid', `status <> 'paid' OR (payment_reference IS NOT NULL AND paid_on IS NOT NULL)`)
export class ReimbursementStatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `RB-YYYY-NNNNNN`; also the SEPA end-to-end id of its transfer. */
  @Column({ type: 'text' })
  number: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_reimbursement_statements_venue' })
  venue?: OrganisationEntity;

  @Column('uuid')
  runId: string;

  @ManyToOne(() => JobRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_reimbursement_statements_run' })
  run?: JobRunEntity;

  /** Paris day of the earliest scan in the statement. */
  @Column({ type: 'date' })
  periodStart: string;

  /** Last Paris day covered: scans up to the end of this day (and recorded by then) are included. */
  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'text', default: 'draft' })
  status: StatementStatus;

  @Column({ type: 'int' })
  redemptionCount: number;

  @Column({ type: 'bigint' })
  totalCents: string;

  /** Relative to STORAGE_DIR; set once the PDF and CSV are written. */
  @Column({ type: 'text', nullable: true })
  pdfPath: string | null;

  @Column({ type: 'text', nullable: true })
  csvPath: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  documentsReadyAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  validatedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  validatedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  paymentBatchId: string | null;

  @ManyToOne(() => PaymentBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_batch_id', foreignKeyConstraintName: 'fk_reimbursement_statements_payment_batch' })
  paymentBatch?: PaymentBatchEntity;

  /** The account the transfer was sent to, as exported (a later change of bank details does not rewrite history). */
  @Column({ type: 'text', nullable: true })
  creditorIban: string | null;

  @Column({ type: 'text', nullable: true })
  creditorBic: string | null;

  @Column({ type: 'text', nullable: true })
  creditorName: string | null;

  @Column({ type: 'text', nullable: true })
  paymentReference: string | null;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
