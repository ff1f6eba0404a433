import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { DEPARTEMENT_CODE_PATTERN } from '../../organisations/organisations.rules';

export class FundingFiguresQuery {
  @ApiProperty({ type: 'string', format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    description: 'ANCT: one funder. A funder always gets its own figures (another funder is not found).',
  })
  @IsOptional()
  @IsUUID()
  funderId?: string;

  @ApiPropertyOptional({ type: 'string', example: '69', description: 'ANCT: the funders of one département (not with `funderId`).' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departement must be a French département code such as 69, 2A or 974' })
  departement?: string;
}
