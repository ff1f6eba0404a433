import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { STATEMENT_STATUSES, type StatementStatus } from '../statement-status';

export class ListStatementsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: STATEMENT_STATUSES })
  @IsOptional()
  @IsIn(STATEMENT_STATUSES)
  status?: StatementStatus;

  @ApiPropertyOptional({ type: 'string', description: 'ANCT: one venue only. A venue always sees its own statements only.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}
