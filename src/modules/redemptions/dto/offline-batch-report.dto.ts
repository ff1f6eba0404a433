import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VOUCHER_REFUSAL_CODES } from './voucher-refusal.dto';

const OFFLINE_CONFLICT_REASONS = [
  ...VOUCHER_REFUSAL_CODES,
  'UNKNOWN_SERVICE',
  'UNKNOWN_SITE',
  'SCAN_IN_FUTURE',
  'SCAN_TOO_OLD',
  'OFFLINE_CEILING_EXCEEDED',
] as const;

export class OfflineItemResultDto {
  @ApiProperty({ type: 'integer', description: 'Position of the scan in the submitted batch.' })
  index: number;

  @ApiProperty({ type: 'string', enum: ['accepted', 'conflict'] })
  outcome: 'accepted' | 'conflict';

  @ApiPropertyOptional({ type: 'string' })
  serial?: string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid' })
  redemptionId?: string;

  @ApiPropertyOptional({ type: 'integer' })
  valueCents?: number;

  @ApiPropertyOptional({ type: 'boolean', description: 'This very scan had already been recorded by an earlier synchronisation.' })
  alreadyRecorded?: boolean;

  @ApiPropertyOptional({ type: 'string', enum: OFFLINE_CONFLICT_REASONS, description: 'Why a conflict.' })
  reason?: (typeof OFFLINE_CONFLICT_REASONS)[number];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'ALREADY_REDEEMED: when (and, to this venue, where); INVALID_SIGNATURE: signatureError.',
  })
  details?: Record<string, unknown>;
}

/** Outcome of an offline synchronisation: first valid redemption wins, the others are conflicts. */
export class OfflineBatchReportDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  batchId: string;

  @ApiProperty({ type: 'string' })
  deviceId: string;

  @ApiProperty({ type: 'integer' })
  acceptedCount: number;

  @ApiProperty({ type: 'integer' })
  conflictCount: number;

  @ApiProperty({ type: 'integer' })
  acceptedValueCents: number;

  @ApiProperty({ type: () => [OfflineItemResultDto] })
  items: OfflineItemResultDto[];
}
