import { ApiProperty } from '@nestjs/swagger';
import { FundingFiguresValuesDto } from './funding-figures-values.dto';

/** One funder's figures. */
export class FundingFiguresFunderDto extends FundingFiguresValuesDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'string' })
  name: string;

  @ApiProperty({ type: 'string', description: 'SIREN.' })
  siren: string;

  @ApiProperty({ type: 'string', example: '69', description: 'The funder’s département; empty when it has none.' })
  departement: string;
}
