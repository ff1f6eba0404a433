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
@Check(
  'ck_beneficiaries_erased',
  `erased_at IS NULL OR (first_name IS NULL AND birth_year IS NULL AND person_key IS NULL AND erasure_reason IS NOT NULL)`,
)
@Check('ck_beneficiaries_named', `erased_at IS NOT NULL OR first_name IS NOT NULL`)
@Check('ck_beneficiaries_erasure_reason', `erasure_reason IS NULL OR erasure_reason IN ('retention', 'request')`)
@Index('ix_beneficiaries_person_id', ['personId'], { where: 'person_id IS NOT NULL' })
export class BeneficiaryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The structure that recorded the person (and answers for the data). */
  @Column('uuid')
  prescriberId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prescriber_id', foreignKeyConstraintName: 'fk_beneficiaries_prescriber' })
  prescriber?: OrganisationEntity;

  /** Printed on the carnet's cover; null once erased. */
  @Column({ type: 'text', nullable: true })
  firstName: string | null;

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

  /**
   * Set when the personal data (first name, birth year, pseudonym) is erased: a random id shared by the
   * records of the same person, so that reports still count people once the pseudonym is gone; it links
   * to nobody once no pseudonym is left.
   */
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  /** When the personal data was erased (retention period over, or on request); null while it is held. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  erasureReason: 'retention' | 'request' | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
