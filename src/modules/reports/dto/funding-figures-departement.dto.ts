import { ApiProperty } from '@nestjs/swagger';
import { FundingFiguresValuesDto } from './funding-figures-values.dto';

/** The figures of the funders of one département. */
export class FundingFiguresDepartementDto extends FundingFiguresValuesDto {
  @ApiProperty({ type: 'string', example: '69', description: 'Empty for funders without a département.' })
  departement: string;

  @ApiProperty({ type: 'string', example: 'Département 69' })
  label: string;
}
