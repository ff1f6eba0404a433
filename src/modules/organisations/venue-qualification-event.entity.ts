import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import type { VenueQualificationStatus } from './organisation-kind';

/**
 * History of venue qualification statuses, so "was this venue qualified when it scanned?" has an
 * answer after the status changed. Written by a database trigger on `organisations` whenever a
 * venue's `qualification_status` is set or changes: no code path can forget it.
 */
@Entity('venue_qualification_events')
@Index('ix_venue_qualification_events_venue_time', ['venueId', 'changedAt'])
@Check('ck_venue_qualification_events_status', `status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn')`)
export class VenueQualificationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_venue_qualification_events_venue' })
  venue?: OrganisationEntity;

  @Column({ type: 'text' })
  status: VenueQualificationStatus;

  /** When the status took effect (`organisations.qualification_changed_at`). */
  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
