import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** One chèque: exactly one of `code` (typed) and `qr` (the scanned text). */
export class VoucherInputDto {
  @ApiPropertyOptional({
    type: 'string',
    example: 'W9C8-S3X7-72YY-HN2Q',
    description: 'Code typed from the chèque (dashes, spaces and case do not matter).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional({ type: 'string', example: 'PN1:…', description: 'Text of the scanned QR code.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  qr?: string;
}
