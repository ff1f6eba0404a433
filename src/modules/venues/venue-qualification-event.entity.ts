import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { VenueQualificationStatus } from '../organisations/organisation-kind';

/**
 * Append-only history of a venue's qualification: one row per ANCT decision, effective at `decidedAt`.
 * "Was this venue qualified at time T?" is the status of its latest event at or before T (no event:
 * still pending). Offline scans and the reconciliation ask exactly that question; online redemptions
 * read `organisations.qualification_status`, which `VenuesRepository.recordQualification` (the only
 * writer of both) sets in the same transaction as the event.
 */
@Entity('venue_qualification_events')
@Index('ix_venue_qualification_events_venue_time', ['venueId', 'decidedAt'])
@Check(
  'ck_venue_qualification_events_status',
  `to_status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn') AND from_status IN ('pending', 'qualified', 'refused', 'suspended', 'withdrawn')`,
)
@Check('ck_venue_qualification_events_decision', `decision IN ('qualify', 'refuse', 'suspend', 'withdraw')`)
export class VenueQualificationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_venue_qualification_events_venue' })
  venue?: OrganisationEntity;

  @Column({ type: 'text' })
  decision: string;

  @Column({ type: 'text' })
  fromStatus: VenueQualificationStatus;

  @Column({ type: 'text' })
  toStatus: VenueQualificationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;
}
