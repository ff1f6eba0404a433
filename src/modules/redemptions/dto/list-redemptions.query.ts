import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class ListRedemptionsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'Scanned at or after (ISO 8601).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'Scanned before (ISO 8601).' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({ type: 'string', enum: ['active', 'cancelled'] })
  @IsOptional()
  @IsIn(['active', 'cancelled'])
  status?: 'active' | 'cancelled';

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ type: 'string', description: 'ANCT only: one venue’s redemptions.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'The lines of one reimbursement statement.' })
  @IsOptional()
  @IsUUID()
  statementId?: string;
}
