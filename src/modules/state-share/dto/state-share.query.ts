import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class StateShareQuery {
  @ApiProperty()
  @IsUUID()
  programmeId: string;
}
