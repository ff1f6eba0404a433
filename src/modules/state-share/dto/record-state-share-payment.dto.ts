import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RecordStateSharePaymentDto {
  @ApiProperty({ type: 'string' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ type: 'string' })
  @IsUUID()
  funderId: string;

  @ApiProperty({ type: 'integer', example: 1_250_000, description: 'Amount paid to the funder, in cents.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountCents: number;

  @ApiProperty({ type: 'string', example: '2026-06-30', description: 'Value date of the payment.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a YYYY-MM-DD date' })
  paidOn: string;

  @ApiProperty({ type: 'string', example: 'DGFIP-2026-000123', description: 'Reference of the payment (mandate, transfer).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reference: string;
}
