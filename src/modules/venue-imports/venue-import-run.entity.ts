import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const VENUE_IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type VenueImportStatus = (typeof VENUE_IMPORT_STATUSES)[number];

export interface RejectedLine {
  /** Line number in the file (1 = header row for CSV; 1 = first element for JSON). */
  line: number;
  id: string | null;
  reasons: string[];
}

/**
 * One import of a file in the national standard. The file itself is kept here (the truth of the job
 * lives in PostgreSQL, and any worker can read it); BullMQ carries only the run id. Progress is written
 * after each chunk of lines.
 */
@Entity('venue_import_runs')
@Index('ix_venue_import_runs_created', ['createdAt'])
@Check('ck_venue_import_runs_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check('ck_venue_import_runs_format', `format IN ('csv', 'json')`)
export class VenueImportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: 'queued' })
  status: VenueImportStatus;

  @Column({ type: 'text' })
  format: 'csv' | 'json';

  @Column({ type: 'text', nullable: true })
  fileName: string | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'int' })
  totalLines: number;

  @Column({ type: 'int', default: 0 })
  processedLines: number;

  @Column({ type: 'int', default: 0 })
  createdCount: number;

  @Column({ type: 'int', default: 0 })
  updatedCount: number;

  @Column({ type: 'int', default: 0 })
  unchangedCount: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  rejectedLines: RejectedLine[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
