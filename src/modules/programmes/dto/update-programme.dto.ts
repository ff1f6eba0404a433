import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';
import { CreateProgrammeDto } from './create-programme.dto';

/** Orders already created keep their amounts (priced at creation); chèques already generated keep their expiry. */
export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) {
  @ApiPropertyOptional({ type: 'string', enum: PROGRAMME_STATUSES, description: 'A closed programme accepts no new order.' })
  @IsOptional()
  @IsIn(PROGRAMME_STATUSES)
  status?: ProgrammeStatus;
}
