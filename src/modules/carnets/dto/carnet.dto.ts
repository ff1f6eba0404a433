import { ApiProperty } from '@nestjs/swagger';
import { CARNET_STATUSES, type CarnetStatus } from '../carnet-status';

/** A carnet's chèques by what became of them (every field present, 0 when none). */
export class CarnetVoucherCountsDto {
  @ApiProperty({ type: 'integer', example: 6, description: 'Still usable: in stock, allocated or handed out, not redeemed.' })
  unused: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'Redeemed at a venue.' })
  used: number;

  @ApiProperty({ type: 'integer', example: 0 })
  expired: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Put in opposition (lost, stolen…).' })
  cancelled: number;
}

export class CarnetDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'integer', example: 123 })
  sequence: number;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  number: string;

  @ApiProperty({ type: 'integer', example: 10, description: 'Chèques in the carnet.' })
  size: number;

  @ApiProperty({ type: 'string', enum: CARNET_STATUSES })
  status: CarnetStatus;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  prescriberId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  allocatedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  issuedAt: Date | null;

  @ApiProperty({ type: 'string', nullable: true })
  cancellationReason: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2027-12-31T22:59:59.000Z',
    description: 'When its chèques stop being valid (the printed date).',
  })
  expiresAt: Date;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    description: 'Last moment it may be handed out (DISTRIBUTION_STOP_DAYS before expiry: J-15).',
  })
  distributionClosesAt: Date;

  @ApiProperty({ type: () => CarnetVoucherCountsDto })
  vouchers: CarnetVoucherCountsDto;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;
}
