import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { ORDER_STATUSES, type OrderStatus } from '../order-status';

export class ListOrdersQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'ANCT only; a funder always sees its own orders.' })
  @IsOptional()
  @IsUUID()
  funderId?: string;
}
