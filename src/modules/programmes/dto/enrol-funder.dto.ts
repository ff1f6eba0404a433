import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_CENTS } from '../../../common/http/money';

export class EnrolFunderDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  @IsUUID()
  funderId: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'State envelope granted to the funder, in cents; defaults to the programme per-funder cap.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  envelopeCents?: number;
}
