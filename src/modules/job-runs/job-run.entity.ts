import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobRunKind, JobRunStatus, JobRunTrigger } from './job-run-kind';

/**
 * One run of a recurring job (statements, expiry, State share, reconciliation). BullMQ only carries
 * the run id; status, parameters and outcome live here. `jobKey` is the BullMQ job id, unique, so a
 * retried or redelivered job resumes the same run instead of starting another.
 */
@Entity('job_runs')
@Index('uq_job_runs_job_key', ['jobKey'], { unique: true })
@Index('ix_job_runs_kind_created', ['kind', 'createdAt'])
@Check('ck_job_runs_kind', `kind IN ('reimbursement_statements', 'expiry', 'state_share', 'reconciliation')`)
@Check('ck_job_runs_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check('ck_job_runs_trigger', `trigger IN ('schedule', 'manual')`)
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: JobRunKind;

  @Column({ type: 'text' })
  trigger: JobRunTrigger;

  @Column({ type: 'text', default: 'queued' })
  status: JobRunStatus;

  @Column({ type: 'text' })
  jobKey: string;

  /** What the run works on, e.g. `{ "periodEnd": "2026-03-31" }` for statements. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  parameters: Record<string, unknown>;

  /** What it did: counts and amounts, written when it completes. */
  @Column({ type: 'jsonb', nullable: true })
  summary: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
