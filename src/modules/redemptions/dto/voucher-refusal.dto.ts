import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Why one chèque is refused; an offline scan's conflict reasons start with these. */
export const VOUCHER_REFUSAL_CODES = [
  'ALREADY_REDEEMED',
  'EXPIRED',
  'CANCELLED',
  'NOT_ISSUED',
  'OUTSIDE_TERRITORY',
  'INVALID_CODE',
  'INVALID_SIGNATURE',
  'CHECK_CHARACTER_MISMATCH',
  'VENUE_NOT_QUALIFIED',
] as const;

export class RedemptionSiteRefDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', nullable: true })
  name: string | null;
}

/** When a chèque was used; where and which redemption only to the venue that redeemed it (so it can undo it). */
export class AlreadyRedeemedDto {
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  redeemedAt: Date | null;

  @ApiProperty({ type: 'boolean', description: 'Redeemed by this very venue.' })
  redeemedHere: boolean;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', nullable: true, description: 'Only when redeemedHere.' })
  redemptionId?: string | null;

  @ApiPropertyOptional({ type: () => RedemptionSiteRefDto, nullable: true, description: 'Only when redeemedHere.' })
  site?: RedemptionSiteRefDto | null;
}

/** Why one chèque is refused: the same shape in a check's answer and in a refused redemption's `details.items`. */
export class VoucherRefusalDto {
  @ApiProperty({ type: 'string', enum: VOUCHER_REFUSAL_CODES })
  code: (typeof VOUCHER_REFUSAL_CODES)[number];

  @ApiProperty({ type: 'string', example: 'This chèque has already been redeemed.' })
  message: string;

  @ApiPropertyOptional({ type: () => AlreadyRedeemedDto, description: 'ALREADY_REDEEMED only.' })
  alreadyRedeemed?: AlreadyRedeemedDto;

  @ApiPropertyOptional({ type: 'string', description: 'INVALID_SIGNATURE only: what failed in the QR.' })
  signatureError?: string;
}

/** One chèque of a refused redemption request (in the error's `details.items`, one per chèque sent, in order). */
export class VoucherItemVerdictDto {
  @ApiProperty({ type: 'integer', example: 0, description: 'Position in the request.' })
  index: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Only for chèques the platform knows.' })
  serial: string | null;

  @ApiProperty({ type: 'string', enum: ['ok', 'refused'] })
  outcome: 'ok' | 'refused';

  @ApiProperty({ type: () => VoucherRefusalDto, nullable: true })
  refusal: VoucherRefusalDto | null;
}
