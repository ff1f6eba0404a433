import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ProgrammeEntity } from './programme.entity';

/** A funder's participation in a programme, with the State envelope ANCT granted it. */
@Entity('programme_enrolments')
@Index('uq_programme_enrolments_programme_funder', ['programmeId', 'funderId'], { unique: true })
@Index('ix_programme_enrolments_funder', ['funderId'])
@Check('ck_programme_enrolments_envelope', `envelope_cents >= 0`)
export class ProgrammeEnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_programme_enrolments_programme' })
  programme?: ProgrammeEntity;

  @Column('uuid')
  funderId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'funder_id', foreignKeyConstraintName: 'fk_programme_enrolments_funder' })
  funder?: OrganisationEntity;

  /** Maximum State share this funder can receive under the programme. */
  @Column({ type: 'bigint' })
  envelopeCents: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
