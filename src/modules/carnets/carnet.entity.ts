import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrderEntity } from '../orders/order.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { CarnetStatus } from './carnet-status';

/**
 * A booklet of chèques, the thing a beneficiary holds. Stock moves funder → prescriber → beneficiary.
 * `funderId` is copied from the order so that every stock query is scoped without a join.
 */
@Entity('carnets')
@Index('uq_carnets_order_sequence', ['orderId', 'sequence'], { unique: true })
@Index('uq_carnets_number', ['number'], { unique: true })
@Index('ix_carnets_funder_status', ['funderId', 'status'])
@Index('ix_carnets_prescriber_status', ['prescriberId', 'status'])
@Check('ck_carnets_status', `status IN ('in_stock', 'allocated', 'issued', 'fully_used', 'expired', 'cancelled')`)
@Check('ck_carnets_allocation', `status NOT IN ('allocated', 'issued') OR prescriber_id IS NOT NULL`)
export class CarnetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_carnets_order' })
  order?: OrderEntity;

  @Column('uuid')
  funderId: string;

  /** 1-based position in the order: carnets are handled and allocated by number ranges. */
  @Column({ type: 'int' })
  sequence: number;

  /** Printed number, `YYYY-OOOO-CCCCCC`. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'text', default: 'in_stock' })
  status: CarnetStatus;

  @Column({ type: 'uuid', nullable: true })
  prescriberId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_carnets_prescriber' })
  prescriber?: OrganisationEntity;

  @Column({ type: 'timestamptz', nullable: true })
  allocatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
