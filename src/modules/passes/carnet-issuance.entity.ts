import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CarnetEntity } from '../carnets/carnet.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { BeneficiaryEntity } from './beneficiary.entity';
import type { ReasonCategory } from './reason-category';

/**
 * The hand-out of one carnet to a beneficiary (at most one per carnet). A replacement after an
 * opposition is a new issuance to the same beneficiary that names the carnet it replaces (at most once).
 */
@Entity('carnet_issuances')
@Index('uq_carnet_issuances_carnet', ['carnetId'], { unique: true })
@Index('uq_carnet_issuances_replaces', ['replacesCarnetId'], { unique: true, where: 'replaces_carnet_id IS NOT NULL' })
@Index('ix_carnet_issuances_beneficiary', ['beneficiaryId'])
@Index('ix_carnet_issuances_prescriber_issued', ['prescriberId', 'issuedAt'])
@Index('ix_carnet_issuances_funder_issued', ['funderId', 'issuedAt'])
@Check(
  'ck_carnet_issuances_reason',
  `reason_category IN ('administrative_procedures', 'employment', 'health', 'social_ties', 'education', 'parenting', 'housing', 'everyday_life', 'other')`,
)
@Check('ck_carnet_issuances_not_self', `replaces_carnet_id IS NULL OR replaces_carnet_id <> carnet_id`)
export class CarnetIssuanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  carnetId: string;

  @ManyToOne(() => CarnetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carnet_id', foreignKeyConstraintName: 'fk_carnet_issuances_carnet' })
  carnet?: CarnetEntity;

  @Column('uuid')
  beneficiaryId: string;

  @ManyToOne(() => BeneficiaryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'beneficiary_id', foreignKeyConstraintName: 'fk_carnet_issuances_beneficiary' })
  beneficiary?: BeneficiaryEntity;

  @Column('uuid')
  prescriberId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_carnet_issuances_prescriber' })
  prescriber?: OrganisationEntity;

  /** Copied from the carnet so that funder reports need no join. */
  @Column('uuid')
  funderId: string;

  @Column({ type: 'text' })
  reasonCategory: ReasonCategory;

  @Column({ type: 'uuid', nullable: true })
  replacesCarnetId: string | null;

  @ManyToOne(() => CarnetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_carnet_id', foreignKeyConstraintName: 'fk_carnet_issuances_replaces' })
  replacesCarnet?: CarnetEntity;

  @Column({ type: 'uuid', nullable: true })
  issuedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  issuedByApiKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;
}
