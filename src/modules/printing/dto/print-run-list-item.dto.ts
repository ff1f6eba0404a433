import { ApiProperty } from '@nestjs/swagger';
import { PrintRunViewDto } from './print-run-view.dto';

/** A print run in a listing, with who asked for it: ANCT lists every organisation's runs. */
export class PrintRunListItemDto extends PrintRunViewDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'The funder or prescriber that asked for the run.' })
  organisationId: string;

  @ApiProperty({ type: 'string', example: 'CCAS de Villeurbanne' })
  organisationName: string;
}
