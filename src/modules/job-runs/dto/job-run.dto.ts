import { ApiProperty } from '@nestjs/swagger';
import { JOB_RUN_KINDS, JOB_RUN_STATUSES, JOB_RUN_TRIGGERS, type JobRunKind, type JobRunStatus, type JobRunTrigger } from '../job-run-kind';

/** One run of a recurring money job; asking for a run answers it queued (202), to be followed at GET /job-runs/{id}. */
export class JobRunDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', enum: JOB_RUN_KINDS })
  kind: JobRunKind;

  @ApiProperty({ type: 'string', enum: JOB_RUN_TRIGGERS })
  trigger: JobRunTrigger;

  @ApiProperty({ type: 'string', enum: JOB_RUN_STATUSES })
  status: JobRunStatus;

  @ApiProperty({ type: 'string', example: 'expiry:2026-12-02', description: 'Deduplicates runs: the same key is one run.' })
  jobKey: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the run was asked to do (e.g. periodEnd).' })
  parameters: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What the run did, once completed (counts, amounts in cents).',
  })
  summary: Record<string, unknown> | null;

  @ApiProperty({ type: 'string', nullable: true })
  error: string | null;

  @ApiProperty({ type: 'integer', example: 1 })
  attempts: number;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
}
