import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class ListUsersQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: 'string', description: 'ANCT admins only.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
