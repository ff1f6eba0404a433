import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { CARNET_STATUSES, type CarnetStatus } from '../carnet-status';

export class ListCarnetsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: CARNET_STATUSES })
  @IsOptional()
  @IsIn(CARNET_STATUSES)
  status?: CarnetStatus;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  prescriberId?: string;
}
