import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerEntryKind } from './ledger-entry-kind';

@Entity('ledger_entries')
@Index('ix_ledger_entries_order', ['orderId'])
@Index('ix_ledger_entries_funder_kind', ['funderId', 'kind'])
@Index('ix_ledger_entries_venue_kind', ['venueId', 'kind'])
@Index('ix_ledger_entries_programme_kind', ['programmeId', 'kind'])
// The credit note for expired value is written once per order, whatever the number of expiry runs.
@Index('uq_ledger_entries_credit_note_order', ['orderId'], {
  unique: true,
  where: `kind = 'expired_value_credit_note' AND reverses_entry_id IS NULL`,
})
@Check(
  'ck_ledger_entries_kind',
  `kind IN ('order_face_value_due', 'operator_fee_due', 'funder_payment_received', 'redemption_owed_to_venue', 'venue_payment_made', 'expired_value_credit_note', 'state_share_due', 'state_share_paid')`,
)
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  /** When the event happened (a payment's value date, a scan time), which may precede its recording. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  kind: LedgerEntryKind;

  /** Signed: a reversal carries the opposite amount of the entry it reverses. */
  @Column({ type: 'bigint' })
  amountCents: string;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  funderId: string | null;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'uuid', nullable: true })
  venueId: string | null;

  @Column({ type: 'uuid', nullable: true })
  voucherId: string | null;

  @Column({ type: 'uuid', nullable: true })
  redemptionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  statementId: string | null;

  /** External reference: payment reference, SEPA message id… */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'bigint', nullable: true })
  reversesEntryId: string | null;
}
