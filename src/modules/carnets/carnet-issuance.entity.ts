import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { CarnetEntity } from './carnet.entity';

/**
 * The hand-out of a carnet to a beneficiary, as far as funding reports need it: who gave it, when,
 * to which public, and a pseudonymous person id (keyed hash, never the person's data) so that people
 * are counted rather than paper. Written by the issuing use case.
 */
@Entity('carnet_issuances')
@Index('ix_carnet_issuances_person', ['personPseudonym'])
@Index('ix_carnet_issuances_prescriber', ['prescriberId', 'issuedAt'])
export class CarnetIssuanceEntity {
  @PrimaryColumn('uuid')
  carnetId: string;

  @OneToOne(() => CarnetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carnet_id', foreignKeyConstraintName: 'fk_carnet_issuances_carnet' })
  carnet?: CarnetEntity;

  @Column('uuid')
  prescriberId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_carnet_issuances_prescriber' })
  prescriber?: OrganisationEntity;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'bytea', nullable: true })
  personPseudonym: Buffer | null;

  /** The person belongs to the programme's target public (e.g. people far from employment). */
  @Column({ type: 'boolean' })
  targetPublic: boolean;

  @Column({ type: 'text' })
  reasonCategory: string;

  @Column({ type: 'char', length: 5, nullable: true })
  communeInseeCode: string | null;
}
