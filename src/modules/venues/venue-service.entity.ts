import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { ServiceCategory } from './service-category';

/** A service a venue offers (a workshop, an individual session) and how many chèques one session may take. */
@Entity('venue_services')
@Index('ix_venue_services_venue', ['venueId'])
@Check(
  'ck_venue_services_category',
  `category IN ('first_steps', 'online_procedures', 'employment', 'communication', 'online_safety', 'office_software', 'smartphone', 'parenting', 'other')`,
)
@Check('ck_venue_services_duration', `duration_minutes BETWEEN 15 AND 480`)
@Check('ck_venue_services_max_vouchers', `max_vouchers BETWEEN 1 AND 10`)
export class VenueServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_venue_services_venue' })
  venue?: OrganisationEntity;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  category: ServiceCategory;

  @Column({ type: 'int' })
  durationMinutes: number;

  /** Most chèques one session may take (a 4-hour workshop may take 2): bounds what one redemption request takes. */
  @Column({ type: 'smallint', default: 1 })
  maxVouchers: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
