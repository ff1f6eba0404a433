import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { VoucherInputDto } from './voucher-input.dto';

export class OfflineScanDto extends VoucherInputDto {
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2026-03-14T09:42:10Z',
    description: 'When the device scanned the chèque (device clock, with its offset or in UTC).',
  })
  @Type(() => Date)
  @IsDate()
  scannedAt: Date;

  @ApiProperty({ type: 'string' })
  @IsUUID()
  serviceId: string;

  @ApiPropertyOptional({ type: 'string' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export const OFFLINE_BATCH_MAX_SCANS = 500;

export class OfflineBatchDto {
  @ApiProperty({ type: 'string', example: 'tablette-accueil-1', description: 'The device that kept the scans.' })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'deviceId must be 1–100 letters, digits or . _ : -' })
  deviceId: string;

  @ApiProperty({ type: [OfflineScanDto], maxItems: OFFLINE_BATCH_MAX_SCANS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OFFLINE_BATCH_MAX_SCANS)
  @ValidateNested({ each: true })
  @Type(() => OfflineScanDto)
  scans: OfflineScanDto[];
}
