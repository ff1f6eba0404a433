import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class ListUsersQuery extends PaginationQuery {
  @ApiPropertyOptional({
    type: 'string',
    description:
      "Whose people (default: the caller's organisation): any for ANCT admins, a prescriber structure it works with for a funder.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
