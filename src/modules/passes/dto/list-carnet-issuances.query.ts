import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { CARNET_STATUSES, type CarnetStatus } from '../../carnets/carnet-status';
import { CARNET_NUMBER_PATTERN } from '../../carnets/carnets.rules';

export class ListCarnetIssuancesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', example: '2026-0042-000123', description: 'One carnet, by its printed number.' })
  @IsOptional()
  @Matches(CARNET_NUMBER_PATTERN, { message: 'carnetNumber must be a carnet number such as 2026-0042-000123' })
  carnetNumber?: string;

  @ApiPropertyOptional({ type: 'string', enum: CARNET_STATUSES, description: 'The carnet’s status now.' })
  @IsOptional()
  @IsIn(CARNET_STATUSES)
  carnetStatus?: CarnetStatus;
}
