import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The basis of the last State share computation for one funder in one programme. The amounts due
 * are the `state_share_due` ledger lines; this row records what they were computed from (value
 * redeemed as of `asOf`, rate, cap), so reconciliation can check the ledger against the rule.
 */
@Entity('state_share_computations')
export class StateShareComputationEntity {
  @PrimaryColumn('uuid')
  programmeId: string;

  @PrimaryColumn('uuid')
  funderId: string;

  /** Redemptions recorded up to this instant (and not cancelled by then) were counted. */
  @Column({ type: 'timestamptz' })
  asOf: Date;

  @Column({ type: 'bigint' })
  redeemedValueCents: string;

  @Column({ type: 'int' })
  rateBp: number;

  @Column({ type: 'bigint' })
  capCents: string;

  @Column({ type: 'bigint' })
  dueCents: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
