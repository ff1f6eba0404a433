import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/http/page.dto';

/** A carnet with unused chèques whose validity ends soon. */
export class ExpiryWarningDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  carnetId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ type: 'string', example: 'allocated' })
  carnetStatus: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  prescriberId: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  prescriberName: string | null;

  @ApiProperty({ type: 'string', example: '2026-0042' })
  orderNumber: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'Last moment a venue may redeem (expiry plus the grace period).' })
  redeemableUntil: Date;

  @ApiProperty({ type: 'integer', example: 7 })
  unusedVouchers: number;

  @ApiProperty({ type: 'integer', example: 7000 })
  unusedValueCents: number;
}

export class ExpiryWarningPageDto extends PageOf(ExpiryWarningDto) {
  @ApiProperty({ type: 'integer', example: 30, description: 'The horizon applied, in days (EXPIRY_WARNING_DAYS unless asked).' })
  withinDays: number;
}
