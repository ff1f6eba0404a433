import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';

/** An organisation's software credential. Only a SHA-256 of the secret is kept; the key is shown once. */
@Entity('api_keys')
@Index('uq_api_keys_hash', ['keyHash'], { unique: true })
@Index('ix_api_keys_organisation', ['organisationId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_api_keys_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the key, shown in listings so people can tell their keys apart. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'bytea' })
  keyHash: Buffer;

  @Column('uuid')
  createdByUserId: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
