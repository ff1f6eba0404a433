import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength, MinLength, IsString } from 'class-validator';

export class ConfirmPaymentBatchDto {
  @ApiProperty({ type: 'string', example: '2026-04-10', description: 'Value date of the debit on the ANCT account.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a YYYY-MM-DD date' })
  paidOn: string;

  @ApiPropertyOptional({
    type: 'string',
    example: 'VIR-20260410-88812',
    description: 'Bank reference of the debit; the SEPA message id when absent.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(70)
  bankReference?: string;
}
