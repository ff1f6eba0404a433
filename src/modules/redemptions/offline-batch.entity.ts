import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { OfflineItemResult } from './offline-scan.rules';

/**
 * One synchronisation of scans a venue made without network. Kept with every item's outcome, so the
 * conflicts (chèques another venue redeemed first, scans made after expiry…) stay on record for ANCT.
 */
@Entity('offline_batches')
@Index('ix_offline_batches_venue_time', ['venueId', 'submittedAt'])
@Check('ck_offline_batches_counts', `item_count > 0 AND accepted_count BETWEEN 0 AND item_count AND accepted_value_cents >= 0`)
export class OfflineBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_offline_batches_venue' })
  venue?: OrganisationEntity;

  @Column({ type: 'text' })
  deviceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedByApiKeyId: string | null;

  @Column({ type: 'int' })
  itemCount: number;

  @Column({ type: 'int' })
  acceptedCount: number;

  @Column({ type: 'bigint' })
  acceptedValueCents: string;

  @Column({ type: 'jsonb' })
  results: OfflineItemResult[];
}
