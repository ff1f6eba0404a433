import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { ApiFile } from '../../common/http/api-file.decorator';
import { VenueStandardExportService, type StandardExport } from './standard/venue-standard-export.service';

/**
 * No login: the qualified venues in the national « standard des lieux de médiation numérique » (v1.0.1),
 * for the Cartographie nationale and anyone else. File name as the standard recommends.
 */
@ApiTags('public')
@Controller('public/venues/export')
export class PublicVenueExportController {
  constructor(private readonly exports: VenueStandardExportService) {}

  @Public()
  @Get('csv')
  @ApiOperation({ summary: 'Qualified venues as CSV in the national standard (every column, schema order, `|` between values).' })
  @ApiFile('text/csv', 'CSV file `AAAAMMJJ_<SIRET>_lieux-de-mediation-numerique_France.csv`.')
  @Header('Cache-Control', 'public, max-age=300')
  async csv(): Promise<StreamableFile> {
    return file(await this.exports.csv(), 'text/csv; charset=utf-8');
  }

  @Public()
  @Get('json')
  @ApiOperation({ summary: 'Qualified venues as JSON in the national standard (an array of lines; empty cells left out).' })
  @ApiFile('application/json', 'JSON file `AAAAMMJJ_<SIRET>_lieux-de-mediation-numerique_France.json` (an array of lines).')
  @Header('Cache-Control', 'public, max-age=300')
  async json(): Promise<StreamableFile> {
    return file(await this.exports.json(), 'application/json; charset=utf-8');
  }
}

function file(exported: StandardExport, type: string): StreamableFile {
  return new StreamableFile(Buffer.from(exported.body, 'utf8'), { type, disposition: `attachment; filename="${exported.fileName}"` });
}
