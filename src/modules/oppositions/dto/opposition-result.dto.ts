import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPPOSITION_REASONS, type OppositionReason } from '../opposition-reason';

export class CarnetOppositionDto {
  @ApiProperty()
  carnetId: string;

  @ApiProperty({ example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ example: 'cancelled' })
  status: 'cancelled';

  @ApiProperty({ enum: OPPOSITION_REASONS })
  reason: OppositionReason;

  @ApiProperty({ example: 7, description: 'Chèques cancelled now (redeemed ones stay redeemed).' })
  cancelledVouchers: number;

  @ApiProperty()
  cancelledAt: Date;

  @ApiPropertyOptional({ nullable: true, example: '42', description: 'Revocation list version that contains these chèques.' })
  revocationVersion: string | null;
}

export class SkippedCarnetDto {
  @ApiProperty({ example: '2026-0042-000012' })
  carnetNumber: string;

  @ApiProperty({ example: 'fully_used' })
  status: string;
}

export class RangeOppositionResultDto {
  @ApiProperty({ example: 41 })
  requested: number;

  @ApiProperty({ type: [CarnetOppositionDto] })
  cancelled: CarnetOppositionDto[];

  @ApiProperty({ type: [SkippedCarnetDto], description: 'Carnets of the range you hold that could not be cancelled (already cancelled, used, expired).' })
  skipped: SkippedCarnetDto[];

  @ApiProperty({ example: 0, description: 'Numbers of the range that are not among your carnets.' })
  notFound: number;
}

export class VoucherOppositionDto {
  @ApiProperty({ example: '2026-0042-000123-07' })
  serial: string;

  @ApiProperty({ example: 'cancelled' })
  status: 'cancelled';

  @ApiProperty({ enum: OPPOSITION_REASONS })
  reason: OppositionReason;

  @ApiProperty()
  cancelledAt: Date;

  @ApiProperty({
    example: 'issued',
    description: "The carnet's status afterwards, from its chèques' states: unchanged while one is still usable; then cancelled if all are cancelled, expired if one expired, otherwise fully_used.",
  })
  carnetStatus: string;

  @ApiProperty({ example: '43' })
  revocationVersion: string;
}
