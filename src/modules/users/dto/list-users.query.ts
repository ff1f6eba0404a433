import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListUsersQuery {
  @ApiPropertyOptional({ description: 'ANCT admins only.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
