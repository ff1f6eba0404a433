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
@Index('uq_venue_sites_external', ['externalSource', 'externalId'], { unique: true, where: `external_id IS NOT NULL` })
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

  // What the national « standard des lieux de médiation numérique » describes (v1.0.1). Lists hold the
  // standard's exact values; `standard-lieu.rules.ts` reads and writes them.

  /** `id` and `source` of the line this site was imported from: a re-import finds it again by them. */
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  /** The empty string when the imported line named no source (so that the unique index holds). */
  @Column({ type: 'text', nullable: true })
  externalSource: string | null;

  /** Digest of the last imported content: the same line again changes nothing. */
  @Column({ type: 'text', nullable: true })
  standardFingerprint: string | null;

  /** `date_maj` of the imported line. */
  @Column({ type: 'date', nullable: true })
  sourceUpdatedOn: string | null;

  @Column({ type: 'text', nullable: true })
  addressComplement: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** OSM `opening_hours` syntax; when null, the weekly slots above are the hours. */
  @Column({ type: 'text', nullable: true })
  openingHoursOsm: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  typologies: string[];

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  emails: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  websites: string[];

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  parentStructure: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  itinerance: string[];

  /** The standard's nine kinds of help (`services`); our own catalogue (venue_services) stays beside it. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  standardServices: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  publics: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  specificSupport: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  fees: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  nationalProgrammes: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  labels: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  otherLabels: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  accessModes: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  supportModes: string[];

  @Column({ type: 'text', nullable: true })
  acceslibreUrl: string | null;

  @Column({ type: 'text', nullable: true })
  appointmentUrl: string | null;

  /** Our extension: the site takes Pass numérique chèques (a venue may have sites that do not). */
  @Column({ type: 'boolean', default: true })
  acceptsPassNumerique: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
