import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class RequestStatementRunDto {
  @ApiPropertyOptional({
    type: 'string',
    example: '2026-03-31',
    description:
      'Last day (Europe/Paris) of the period: redemptions scanned and recorded up to the end of this day are included. Default: last day of the previous month.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be a YYYY-MM-DD date' })
  periodEnd?: string;
}
