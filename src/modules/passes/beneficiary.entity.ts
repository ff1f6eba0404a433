import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * The person a carnet is handed to. Deliberately minimal (GDPR, data minimisation): a first name or
 * nickname to print, an optional birth year, the commune, the target-public flag and the date consent was
 * given. No national identifier, no address, no free text. `personKey` is a keyed hash of what the
 * prescriber typed (name + birth date), never the typed values themselves: it links carnets of one person.
 */
@Entity('beneficiaries')
@Index('ix_beneficiaries_prescriber', ['prescriberId'])
@Index('ix_beneficiaries_person_key', ['personKey'], { where: 'person_key IS NOT NULL' })
@Check('ck_beneficiaries_birth_year', `birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100`)
@Check('ck_beneficiaries_person_key', `person_key IS NULL OR octet_length(person_key) = 32`)
export class BeneficiaryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The structure that recorded the person (and answers for the data). */
  @Column('uuid')
  prescriberId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_beneficiaries_prescriber' })
  prescriber?: OrganisationEntity;

  /** Printed on the carnet's cover. */
  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'smallint', nullable: true })
  birthYear: number | null;

  @Column({ type: 'char', length: 5 })
  communeInseeCode: string;

  @Column({ type: 'varchar', length: 3 })
  departementCode: string;

  /** Belongs to the programme's target public (at least half of the carnets must go to it). */
  @Column({ type: 'boolean' })
  targetPublic: boolean;

  /** HMAC-SHA256 with PSEUDONYM_SECRET of the normalised name and birth date; null when not given. */
  @Column({ type: 'bytea', nullable: true })
  personKey: Buffer | null;

  @Column({ type: 'timestamptz' })
  consentGivenAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
