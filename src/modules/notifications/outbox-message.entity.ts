import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { NotificationKind } from './notification-kind';

export const OUTBOX_STATUSES = ['pending', 'sent'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One e-mail to one address, written in the same transaction as the event that causes it: committed
 * together or not at all. The worker sends pending rows and marks them sent; the unique event key per
 * recipient makes a second write of the same event a no-op, so a message exists, and is sent, once.
 */
@Entity('outbox_messages')
@Index('uq_outbox_messages_event_recipient', ['eventKey', 'recipientEmail'], { unique: true })
@Index('ix_outbox_messages_pending', ['createdAt'], { where: `status = 'pending'` })
@Index('ix_outbox_messages_recipient_user', ['recipientUserId'])
@Check('ck_outbox_messages_status', `status IN ('pending', 'sent')`)
@Check('ck_outbox_messages_sent_at', `(status = 'sent') = (sent_at IS NOT NULL)`)
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What happened, e.g. `order.approved:<order id>`: with the recipient, the message's identity. */
  @Column({ type: 'text' })
  eventKey: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  recipientEmail: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'fk_outbox_messages_recipient_user' })
  recipientUser?: UserEntity;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  textBody: string;

  @Column({ type: 'text' })
  htmlBody: string;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  /** Delivery attempts made (failed ones included). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Times the message was handed to the queue; a message handed over and never settled is handed over again. */
  @Column({ type: 'int', default: 0 })
  dispatchCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
