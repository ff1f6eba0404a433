import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PROGRAMME_STATUSES = ['open', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * An ANCT funding programme (appel à projets): the rules orders, chèques and the State share follow.
 * Rates are in basis points (5000 = 50 %) and money in integer cents: no float ever touches money.
 */
@Entity('programmes')
@Index('uq_programmes_name_year', ['name', 'year'], { unique: true })
@Check('ck_programmes_status', `status IN ('open', 'closed')`)
@Check('ck_programmes_face_value', `face_value_cents > 0`)
@Check(
  'ck_programmes_rates',
  `state_share_rate_bp BETWEEN 0 AND 10000 AND operator_fee_rate_bp BETWEEN 0 AND 10000 AND target_public_min_rate_bp BETWEEN 0 AND 10000`,
)
@Check('ck_programmes_amounts', `minimum_order_cents >= 0 AND default_funder_cap_cents >= 0 AND offline_value_ceiling_cents >= 0`)
@Check('ck_programmes_grace', `grace_days >= 0`)
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text', default: 'open' })
  status: ProgrammeStatus;

  /** Value of one chèque (1000 = 10 €). */
  @Column({ type: 'int', default: 1000 })
  faceValueCents: number;

  @Column({ type: 'int', array: true, default: () => `'{5,10}'` })
  allowedCarnetSizes: number[];

  /** State co-financing: share of the value of chèques actually redeemed (5000 = 50 %). */
  @Column({ type: 'int', default: 5000 })
  stateShareRateBp: number;

  /** Default State envelope of one funder, when its enrolment does not set one. */
  @Column({ type: 'bigint', default: 300_000_000 })
  defaultFunderCapCents: string;

  /** Smallest order accepted, in face value. */
  @Column({ type: 'bigint', default: 1_000_000 })
  minimumOrderCents: string;

  /** Operator fee charged to the funder on face value (400 = 4 %), may be 0. */
  @Column({ type: 'int', default: 400 })
  operatorFeeRateBp: number;

  /** Last day chèques are valid (printed on the carnet), a calendar date in Europe/Paris. */
  @Column({ type: 'date' })
  validUntil: string;

  /** Days after `validUntil` during which redemptions are still accepted (historically 31: to 31/01). */
  @Column({ type: 'int', default: 31 })
  graceDays: number;

  /** Minimum share of carnets handed to the target public (5000 = half). */
  @Column({ type: 'int', default: 5000 })
  targetPublicMinRateBp: number;

  /** Per-venue ceiling on the value of chèques redeemed offline and not yet synchronised. */
  @Column({ type: 'bigint', default: 50_000 })
  offlineValueCeilingCents: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
