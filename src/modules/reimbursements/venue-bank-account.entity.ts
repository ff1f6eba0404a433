import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * The account a venue is reimbursed on. Stored in full (the SEPA file needs it) but only ever
 * answered masked; every change is audited with masked values.
 */
@Entity('venue_bank_accounts')
export class VenueBankAccountEntity {
  @PrimaryColumn('uuid')
  venueId: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_venue_bank_accounts_venue' })
  venue?: OrganisationEntity;

  /** Electronic format, checked (mod 97, SEPA country, length). */
  @Column({ type: 'text' })
  iban: string;

  @Column({ type: 'text', nullable: true })
  bic: string | null;

  @Column({ type: 'text' })
  holderName: string;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
