import { ApiProperty } from '@nestjs/swagger';
import { FundingFiguresDepartementDto } from './funding-figures-departement.dto';
import { FundingFiguresFunderDto } from './funding-figures-funder.dto';
import { FundingFiguresMonthDto } from './funding-figures-month.dto';
import { FundingFiguresValuesDto } from './funding-figures-values.dto';

/**
 * The figures of a programme now — for every funder, one funder, or the funders of one département —
 * computed by the funding report's own queries: a report asked for the same scope holds the same figures.
 */
export class FundingFiguresDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'string', example: 'Pass numérique (2026)' })
  programmeLabel: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  funderId: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '69' })
  departement: string | null;

  @ApiProperty({
    type: 'string',
    example: 'Département 69',
    description: 'The scope in French: the programme, a funder’s name, or a département.',
  })
  scopeLabel: string;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'The moment the figures describe.' })
  asOf: Date;

  @ApiProperty({ type: FundingFiguresValuesDto, description: 'The whole scope.' })
  totals: FundingFiguresValuesDto;

  @ApiProperty({ type: [FundingFiguresFunderDto], description: 'Each funder of the scope, by name.' })
  funders: FundingFiguresFunderDto[];

  @ApiProperty({
    type: [FundingFiguresDepartementDto],
    description: 'Each département of the scope, by code (empty for a funder’s scope).',
  })
  departements: FundingFiguresDepartementDto[];

  @ApiProperty({ type: [FundingFiguresMonthDto], description: 'The usage funnel, month by month.' })
  months: FundingFiguresMonthDto[];
}
