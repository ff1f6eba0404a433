import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CALENDAR_DATE_PATTERN, MAX_CENTS } from '../../../common/http/money';

export class RecordPaymentDto {
  @ApiProperty({ type: 'string', example: 'VIR-2026-000123', description: 'Reference of the transfer (mandat, virement).' })
  @IsString()
  @MinLength(1)
  @MaxLength(140)
  paymentReference: string;

  @ApiProperty({
    type: 'string',
    example: '2026-03-02',
    description: 'Value date of the payment (Europe/Paris calendar day), not in the future.',
  })
  @Matches(CALENDAR_DATE_PATTERN, { message: 'paymentDate must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  paymentDate: string;

  @ApiProperty({ type: 'integer', example: 2080000, description: 'Amount received in cents; must equal the total due of the order.' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents: number;
}
