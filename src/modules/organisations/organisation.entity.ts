import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FunderKind, OrganisationKind, VenueQualificationStatus } from './organisation-kind';

/**
 * ANCT, funders (collectivités), prescriber structures and venues share one table: they all own users,
 * API keys and audit rows. Kind-specific columns are nullable and checked by the migration.
 */
@Entity('organisations')
@Check('ck_organisations_kind', `kind IN ('anct', 'funder', 'prescriber', 'venue')`)
@Check(
  'ck_organisations_funder_kind',
  `funder_kind IS NULL OR funder_kind IN ('region', 'departement', 'epci', 'metropole', 'commune', 'syndicat_mixte')`,
)
@Check('ck_organisations_funder_fields', `kind <> 'funder' OR (siren IS NOT NULL AND funder_kind IS NOT NULL)`)
@Check('ck_organisations_siret_fields', `kind NOT IN ('venue', 'prescriber') OR siret IS NOT NULL`)
@Check(
  'ck_organisations_qualification',
  `(kind = 'venue') = (qualification_status IS NOT NULL) AND (qualification_status IS NULL OR qualification_status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn'))`,
)
@Index('uq_organisations_venue_siret', ['siret'], { unique: true, where: `kind = 'venue'` })
@Index('uq_organisations_funder_siren', ['siren'], { unique: true, where: `kind = 'funder'` })
@Index('uq_organisations_prescriber_siret', ['siret'], { unique: true, where: `kind = 'prescriber'` })
@Index('ix_organisations_kind', ['kind'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 9, nullable: true })
  siren: string | null;

  @Column({ type: 'char', length: 14, nullable: true })
  siret: string | null;

  @Column({ type: 'text', nullable: true })
  funderKind: FunderKind | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode: string | null;

  @Column({ type: 'char', length: 5, nullable: true })
  communeInseeCode: string | null;

  @Column({ type: 'text', nullable: true })
  addressLine: string | null;

  @Column({ type: 'char', length: 5, nullable: true })
  postalCode: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Venues only: ANCT qualification (`pending → qualified | refused`, then `suspended` / `withdrawn`). */
  @Column({ type: 'text', nullable: true })
  qualificationStatus: VenueQualificationStatus | null;

  @Column({ type: 'timestamptz', nullable: true })
  qualificationChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
