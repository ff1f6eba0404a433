import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class RequestFundingReportDto {
  @ApiProperty({ type: 'string' })
  @IsUUID()
  programmeId: string;

  @ApiPropertyOptional({
    type: 'string',
    description: 'ANCT: one funder, or the whole programme when absent. A funder always gets its own scope.',
  })
  @IsOptional()
  @IsUUID()
  funderId?: string;
}
