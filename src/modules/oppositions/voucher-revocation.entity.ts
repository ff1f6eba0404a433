import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VoucherEntity } from '../vouchers/voucher.entity';

/**
 * The revocation list offline verifiers download: one append-only line per cancelled chèque.
 * `version` increases in commit order (inserts are serialised by an advisory lock, see
 * OppositionsRepository), so "everything after version N" never misses a line.
 */
@Entity('voucher_revocations')
@Index('uq_voucher_revocations_voucher', ['voucherId'], { unique: true })
export class VoucherRevocationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  version: string;

  @Column('uuid')
  voucherId: string;

  @ManyToOne(() => VoucherEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voucher_id', foreignKeyConstraintName: 'fk_voucher_revocations_voucher' })
  voucher?: VoucherEntity;

  @Column({ type: 'text' })
  serial: string;

  /** Verifiers may forget a line once the chèque has expired anyway. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  revokedAt: Date;
}
