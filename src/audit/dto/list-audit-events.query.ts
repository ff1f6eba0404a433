import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/http/pagination.query';

export class ListAuditEventsQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', example: 'order.approved' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ type: 'string', example: 'order' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  objectType?: string;

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  objectId?: string;

  @ApiPropertyOptional({ type: 'string', description: 'Organisation that acted or whose object changed.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'ISO 8601, inclusive.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', description: 'ISO 8601, exclusive.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}
