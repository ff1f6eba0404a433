import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { OPENING_TIME_PATTERN } from '../venues.rules';

export class OpeningSlotDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'ISO day: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  day: number;

  @ApiProperty({ type: 'string', example: '09:30', description: 'Paris time, HH:MM.' })
  @Matches(OPENING_TIME_PATTERN, { message: 'opens must be HH:MM' })
  opens: string;

  @ApiProperty({ type: 'string', example: '12:30' })
  @Matches(OPENING_TIME_PATTERN, { message: 'closes must be HH:MM' })
  closes: string;
}
