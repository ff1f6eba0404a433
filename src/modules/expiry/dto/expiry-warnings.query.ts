import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class ExpiryWarningsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', description: 'ANCT: one funder only. A funder always sees its own carnets.' })
  @IsOptional()
  @IsUUID()
  funderId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, description: 'Window in days (default EXPIRY_WARNING_DAYS, 30).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  withinDays?: number;
}
