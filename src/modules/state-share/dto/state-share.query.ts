import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';

export class StateShareQuery extends PaginationQuery {
  @ApiProperty({ type: 'string', format: 'uuid' })
  @IsUUID()
  programmeId: string;
}
