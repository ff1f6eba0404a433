import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPPOSITION_REASONS, type OppositionReason } from '../opposition-reason';

export class CarnetOppositionDto {
  @ApiProperty({ type: 'string' })
  carnetId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ type: 'string', example: 'cancelled' })
  status: 'cancelled';

  @ApiProperty({ type: 'string', enum: OPPOSITION_REASONS })
  reason: OppositionReason;

  @ApiProperty({ type: 'number', example: 7, description: 'Chèques cancelled now (redeemed ones stay redeemed).' })
  cancelledVouchers: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  cancelledAt: Date;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    example: '42',
    description: 'Revocation list version that contains these chèques.',
  })
  revocationVersion: string | null;
}

export class SkippedCarnetDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000012' })
  carnetNumber: string;

  @ApiProperty({ type: 'string', example: 'fully_used' })
  status: string;
}

export class RangeOppositionResultDto {
  @ApiProperty({ type: 'number', example: 41 })
  requested: number;

  @ApiProperty({ type: [CarnetOppositionDto] })
  cancelled: CarnetOppositionDto[];

  @ApiProperty({
    type: [SkippedCarnetDto],
    description: 'Carnets of the range you hold that could not be cancelled (already cancelled, used, expired).',
  })
  skipped: SkippedCarnetDto[];

  @ApiProperty({ type: 'number', example: 0, description: 'Numbers of the range that are not among your carnets.' })
  notFound: number;
}

export class VoucherOppositionDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000123-07' })
  serial: string;

  @ApiProperty({ type: 'string', example: 'cancelled' })
  status: 'cancelled';

  @ApiProperty({ type: 'string', enum: OPPOSITION_REASONS })
  reason: OppositionReason;

  @ApiProperty({ type: 'string', format: 'date-time' })
  cancelledAt: Date;

  @ApiProperty({
    type: 'string',
    example: 'issued',
    description:
      "The carnet's status afterwards, from its chèques' states: unchanged while one is still usable; then cancelled if all are cancelled, expired if one expired, otherwise fully_used.",
  })
  carnetStatus: string;

  @ApiProperty({ type: 'string', example: '43' })
  revocationVersion: string;
}
