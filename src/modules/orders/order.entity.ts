import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ProgrammeEntity } from '../programmes/programme.entity';
import type { OrderStatus } from './order-status';

/** A funder's order (commande) of carnets under a programme. Amounts are fixed when the order is created. */
@Entity('orders')
@Index('uq_orders_number', ['number'], { unique: true })
@Index('ix_orders_funder_status', ['funderId', 'status'])
@Index('ix_orders_programme', ['programmeId'])
@Check('ck_orders_status', `status IN ('draft', 'submitted', 'approved', 'rejected', 'paid', 'generating', 'ready', 'cancelled')`)
@Check('ck_orders_counts', `carnet_count > 0 AND carnet_size > 0 AND generation_done >= 0 AND generation_done <= carnet_count`)
@Check('ck_orders_amounts', `face_value_total_cents >= 0 AND fee_cents >= 0 AND total_due_cents = face_value_total_cents + fee_cents`)
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference, `YYYY-NNNN`; its numeric part is also printed in carnet numbers. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'int' })
  sequence: number;

  @Column('uuid')
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_orders_programme' })
  programme?: ProgrammeEntity;

  @Column('uuid')
  funderId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_orders_funder' })
  funder?: OrganisationEntity;

  @Column({ type: 'text', default: 'draft' })
  status: OrderStatus;

  @Column({ type: 'int' })
  carnetCount: number;

  /** Chèques per carnet. */
  @Column({ type: 'int' })
  carnetSize: number;

  @Column({ type: 'int' })
  faceValueCents: number;

  @Column({ type: 'bigint' })
  faceValueTotalCents: string;

  @Column({ type: 'bigint' })
  feeCents: string;

  @Column({ type: 'bigint' })
  totalDueCents: string;

  /** Most State share this order can unlock, given the funder's remaining envelope when it was priced. */
  @Column({ type: 'bigint' })
  maxStateShareCents: string;

  /** Text printed on the carnet cover (e.g. "Offert par le Département du Rhône"). */
  @Column({ type: 'text', nullable: true })
  personalisationText: string | null;

  /** Where the chèques may be redeemed; both empty = anywhere. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  territoryDepartements: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  territoryCommunes: string[];

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'text', nullable: true })
  paymentReference: string | null;

  @Column({ type: 'date', nullable: true })
  paymentDate: string | null;

  @Column({ type: 'int', default: 0 })
  generationDone: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
