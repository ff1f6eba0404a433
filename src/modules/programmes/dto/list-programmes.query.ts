import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';

export class ListProgrammesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', enum: PROGRAMME_STATUSES })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;

  @ApiPropertyOptional({ type: 'integer', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2019)
  @Max(2100)
  year?: number;
}
