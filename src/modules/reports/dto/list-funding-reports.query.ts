import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class ListFundingReportsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}
