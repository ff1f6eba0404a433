import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

export const PRINT_RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type PrintRunStatus = (typeof PRINT_RUN_STATUSES)[number];

/** One PDF file of a print run, written under STORAGE_DIR. */
export interface PrintRunFile {
  index: number;
  fileName: string;
  carnetCount: number;
  /** Carnets of the part no longer held by the requester when it was rendered (reallocated meanwhile): left out. */
  omittedCarnetCount: number;
  firstCarnetNumber: string;
  lastCarnetNumber: string;
  bytes: number;
  sha256: string;
}

/**
 * A request to print many carnets at once, rendered by the `print-runs` job into PDF files of a bounded
 * number of carnets. The row is the truth of the job: status, progress and the files produced.
 */
@Entity('print_runs')
@Index('ix_print_runs_organisation_created', ['organisationId', 'createdAt'])
@Check('ck_print_runs_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check('ck_print_runs_progress', `carnet_count > 0 AND carnets_per_file > 0 AND carnets_done BETWEEN 0 AND carnet_count`)
export class PrintRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The requesting funder or prescriber: only it sees the run and downloads its files. */
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_print_runs_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedByApiKeyId: string | null;

  @Column({ type: 'text', default: 'queued' })
  status: PrintRunStatus;

  /** In print order (carnet number). */
  @Column({ type: 'uuid', array: true })
  carnetIds: string[];

  @Column({ type: 'int' })
  carnetCount: number;

  @Column({ type: 'int' })
  carnetsPerFile: number;

  @Column({ type: 'int', default: 0 })
  carnetsDone: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  files: PrintRunFile[];

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
