import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentBatchStatus } from './statement-status';

/**
 * One SEPA credit transfer file (pain.001.001.03) paying a set of validated statements, one transfer
 * each. The XML is kept as exported: it is the document the bank received.
 */
@Entity('payment_batches')
@Index('uq_payment_batches_message_id', ['messageId'], { unique: true })
@Check('ck_payment_batches_status', `status IN ('exported', 'confirmed', 'cancelled')`)
@Check('ck_payment_batches_amounts', `transfer_count > 0 AND control_sum_cents > 0`)
@Check('ck_payment_batches_confirmed', `status <> 'confirmed' OR (paid_on IS NOT NULL AND confirmed_at IS NOT NULL)`)
export class PaymentBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `PN-YYYYMMDD-NNNNNN`: MsgId and PmtInfId of the file. */
  @Column({ type: 'text' })
  messageId: string;

  @Column({ type: 'text', default: 'exported' })
  status: PaymentBatchStatus;

  @Column({ type: 'date' })
  requestedExecutionDate: string;

  @Column({ type: 'int' })
  transferCount: number;

  @Column({ type: 'bigint' })
  controlSumCents: string;

  @Column({ type: 'text' })
  xml: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The bank's reference of the debit, when ANCT confirms the payment. */
  @Column({ type: 'text', nullable: true })
  bankReference: string | null;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
