import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { CARNET_STATUSES, type CarnetStatus } from '../carnet-status';
import { CARNET_NUMBER_PATTERN } from '../carnets.rules';

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

  @ApiPropertyOptional({ type: 'string', example: '2026-0042-000123', description: 'One carnet, by its printed number.' })
  @IsOptional()
  @Matches(CARNET_NUMBER_PATTERN, { message: 'number must be a carnet number such as 2026-0042-000123' })
  number?: string;
}
