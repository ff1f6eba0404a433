import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CarnetEntity } from '../carnets/carnet.entity';
import type { VoucherStatus } from './voucher-status';

/**
 * A single-use chèque. The redeemable code is never stored: only its SHA-256 (`codeHash`, for look-up)
 * and what is needed to derive it again for printing (`codeKeyVersion`, `codeNonce`, the serial and the
 * server secret). `orderId` and `funderId` are copied from the carnet for scoping and reporting.
 */
@Entity('vouchers')
@Index('uq_vouchers_serial', ['serial'], { unique: true })
@Index('uq_vouchers_code_hash', ['codeHash'], { unique: true })
@Index('uq_vouchers_carnet_position', ['carnetId', 'position'], { unique: true })
@Index('ix_vouchers_order_status', ['orderId', 'status'])
@Index('ix_vouchers_funder_status', ['funderId', 'status'])
@Check('ck_vouchers_status', `status IN ('generated', 'active', 'allocated', 'issued', 'redeemed', 'expired', 'cancelled')`)
@Check('ck_vouchers_face_value', `face_value_cents > 0`)
export class VoucherEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  carnetId: string;

  @ManyToOne(() => CarnetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carnet_id', foreignKeyConstraintName: 'fk_vouchers_carnet' })
  carnet?: CarnetEntity;

  @Column('uuid')
  orderId: string;

  @Column('uuid')
  funderId: string;

  /** 1-based position in the carnet. */
  @Column({ type: 'smallint' })
  position: number;

  /** Printed serial, `YYYY-OOOO-CCCCCC-PP`: identifies the chèque, is not a secret. */
  @Column({ type: 'text' })
  serial: string;

  @Column({ type: 'bytea' })
  codeHash: Buffer;

  @Column({ type: 'smallint' })
  codeKeyVersion: number;

  @Column({ type: 'bytea' })
  codeNonce: Buffer;

  @Column({ type: 'int' })
  faceValueCents: number;

  @Column({ type: 'text' })
  status: VoucherStatus;

  /** End of validity printed on the chèque (end of the programme's last day, Paris time). */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  redeemedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
