import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CARNET_NUMBER_PATTERN, MAX_CARNETS_PER_MOVE } from '../carnets.rules';

/** Which carnets to move to (allocation) or back from (return) a prescriber: a count, or a range of numbers. */
export class MoveCarnetsDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'One of the funder’s prescriber structures.' })
  @IsUUID()
  prescriberId: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 50,
    maximum: MAX_CARNETS_PER_MOVE,
    description: 'How many carnets (lowest numbers first to allocate, highest first to take back).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CARNETS_PER_MOVE)
  count?: number;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'With count: only carnets of this order.' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ type: 'string', example: '2026-0042-000001', description: 'First carnet of a range (instead of count).' })
  @IsOptional()
  @Matches(CARNET_NUMBER_PATTERN, { message: 'fromNumber must be a carnet number such as 2026-0042-000001' })
  fromNumber?: string;

  @ApiPropertyOptional({ type: 'string', example: '2026-0042-000050', description: 'Last carnet of the range, same order.' })
  @IsOptional()
  @Matches(CARNET_NUMBER_PATTERN, { message: 'toNumber must be a carnet number such as 2026-0042-000050' })
  toNumber?: string;
}
