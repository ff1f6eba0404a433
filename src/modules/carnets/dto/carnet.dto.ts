import { ApiProperty } from '@nestjs/swagger';
import { CARNET_STATUSES, type CarnetStatus } from '../carnet-status';

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

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;
}
