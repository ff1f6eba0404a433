import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { OpeningSlot } from './opening-hours';

/**
 * A point de présence: where a venue receives beneficiaries. A venue has one or more; the public
 * directory lists them, and a redemption may name the one where the service took place (its commune
 * then decides the territory check).
 */
@Entity('venue_sites')
@Index('ix_venue_sites_venue', ['venueId'])
@Index('ix_venue_sites_commune', ['communeInseeCode'])
@Index('ix_venue_sites_departement', ['departementCode'])
export class VenueSiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_venue_sites_venue' })
  venue?: OrganisationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  addressLine: string;

  @Column({ type: 'char', length: 5 })
  postalCode: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'char', length: 5 })
  communeInseeCode: string;

  @Column({ type: 'varchar', length: 3 })
  departementCode: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  openingHours: OpeningSlot[];

  /** Free text for beneficiaries: step-free access, hearing loop, parking… */
  @Column({ type: 'text', nullable: true })
  accessibilityNotes: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
