import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { OPPOSITION_REASONS, type OppositionReason } from '../opposition-reason';

const CARNET_NUMBER = /^\d{4}-\d{4,}-\d{6,}$/;

export class OppositionDto {
  @ApiProperty({
    type: 'string',
    enum: OPPOSITION_REASONS,
    description: 'lost, stolen, damaged, not_received (lost in the mail), blocked (funder decision), fraud_suspected.',
  })
  @IsIn(OPPOSITION_REASONS)
  reason: OppositionReason;
}

export class RangeOppositionDto extends OppositionDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000010', description: 'First carnet number of the range (included).' })
  @Matches(CARNET_NUMBER, { message: 'fromNumber must be a carnet number such as 2026-0042-000010' })
  fromNumber: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000050', description: 'Last carnet number of the range (included), same order.' })
  @Matches(CARNET_NUMBER, { message: 'toNumber must be a carnet number such as 2026-0042-000050' })
  toNumber: string;
}
