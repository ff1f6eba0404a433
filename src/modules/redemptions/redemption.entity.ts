import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ReimbursementStatementEntity } from '../reimbursements/reimbursement-statement.entity';
import { VenueServiceEntity } from '../venues/venue-service.entity';
import { VenueSiteEntity } from '../venues/venue-site.entity';
import { VoucherEntity } from '../vouchers/voucher.entity';
import { OfflineBatchEntity } from './offline-batch.entity';

/**
 * One chèque redeemed by a venue (encaissement). Single use is enforced by PostgreSQL: at most one
 * redemption per chèque that has not been cancelled (`uq_redemptions_voucher_active`).
 */
@Entity('redemptions')
@Index('uq_redemptions_voucher_active', ['voucherId'], { unique: true, where: 'cancelled_at IS NULL' })
@Index('ix_redemptions_venue_scanned', ['venueId', 'scannedAt'])
@Index('ix_redemptions_statement', ['statementId'])
@Index('ix_redemptions_funder', ['funderId'])
// What the next statement run picks up, per venue, without scanning every redemption ever made.
@Index('ix_redemptions_unclaimed', ['venueId', 'scannedAt'], { where: 'statement_id IS NULL AND cancelled_at IS NULL' })
@Check('ck_redemptions_mode', `mode IN ('online', 'offline')`)
@Check('ck_redemptions_value', `value_cents > 0`)
@Check('ck_redemptions_offline_fields', `mode <> 'offline' OR (offline_batch_id IS NOT NULL AND device_id IS NOT NULL)`)
@Check('ck_redemptions_cancellation', `(cancelled_at IS NULL) = (cancellation_reason IS NULL)`)
export class RedemptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  voucherId: string;

  @ManyToOne(() => VoucherEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voucher_id', foreignKeyConstraintName: 'fk_redemptions_voucher' })
  voucher?: VoucherEntity;

  @Column('uuid')
  venueId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_redemptions_venue' })
  venue?: OrganisationEntity;

  /** Point de présence where the service took place, when the venue has several. */
  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  @ManyToOne(() => VenueSiteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_redemptions_site' })
  site?: VenueSiteEntity;

  /** The venue's service the chèques paid for (`serviceCategory` is copied from it for reports). */
  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => VenueServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_redemptions_service' })
  service?: VenueServiceEntity;

  /** The synchronisation that brought an offline scan. */
  @Column({ type: 'uuid', nullable: true })
  offlineBatchId: string | null;

  @ManyToOne(() => OfflineBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offline_batch_id', foreignKeyConstraintName: 'fk_redemptions_offline_batch' })
  offlineBatch?: OfflineBatchEntity;

  /** Copied from the chèque for reports and statements. */
  @Column('uuid')
  funderId: string;

  @Column('uuid')
  orderId: string;

  @Column({ type: 'int' })
  valueCents: number;

  @Column({ type: 'text' })
  serviceCategory: string;

  @Column({ type: 'text' })
  mode: 'online' | 'offline';

  /** When the chèque was scanned (device time for offline scans). */
  @Column({ type: 'timestamptz' })
  scannedAt: Date;

  /** When the platform recorded it (sync time for offline scans). */
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'text', nullable: true })
  deviceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  redeemedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  redeemedByApiKeyId: string | null;

  /** The reimbursement statement (contre-paiement) that pays this redemption, once grouped. */
  @Column({ type: 'uuid', nullable: true })
  statementId: string | null;

  // Deferred: a statement run claims the redemptions first and inserts the statement only if it got any.
  @ManyToOne(() => ReimbursementStatementEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'statement_id', foreignKeyConstraintName: 'fk_redemptions_statement' })
  statement?: ReimbursementStatementEntity;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;
}
