import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { JOB_RUN_KINDS, type JobRunKind } from '../job-run-kind';

export class ListJobRunsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: JOB_RUN_KINDS })
  @IsOptional()
  @IsIn(JOB_RUN_KINDS)
  kind?: JobRunKind;
}
