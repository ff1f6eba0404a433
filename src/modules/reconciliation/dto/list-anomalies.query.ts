import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { ANOMALY_KINDS, type AnomalyKind } from '../anomaly-kind';

export class ListAnomaliesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: ANOMALY_KINDS })
  @IsOptional()
  @IsIn(ANOMALY_KINDS)
  kind?: AnomalyKind;
}
