import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { JobRunEntity } from '../job-runs/job-run.entity';
import type { AnomalyKind } from './anomaly-kind';
import { ANOMALY_KINDS } from './anomaly-kind';

/** One broken invariant found by a reconciliation run. Listed for people to investigate, never fixed by the job. */
@Entity('reconciliation_anomalies')
@Index('ix_reconciliation_anomalies_run_kind', ['runId', 'kind'])
@Check('ck_reconciliation_anomalies_kind', `kind IN (${ANOMALY_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
export class ReconciliationAnomalyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  runId: string;

  @ManyToOne(() => JobRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_reconciliation_anomalies_run' })
  run?: JobRunEntity;

  @Column({ type: 'text' })
  kind: AnomalyKind;

  /** The object the invariant is about: order, voucher, redemption, statement, venue, funder… */
  @Column({ type: 'text' })
  objectType: string;

  @Column({ type: 'text' })
  objectId: string;

  /** Other objects involved (ids), e.g. the statements a chèque appears in. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  related: Record<string, unknown>;

  @Column({ type: 'bigint', nullable: true })
  expectedCents: string | null;

  @Column({ type: 'bigint', nullable: true })
  actualCents: string | null;

  /** Facts that explain the anomaly (states, dates, counts). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
