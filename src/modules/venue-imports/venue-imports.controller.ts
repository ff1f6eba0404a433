import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PaginationQuery } from '../../common/http/pagination.query';
import { StartVenueImportQuery } from './dto/start-venue-import.query';
import { VenueImportRunDto, VenueImportRunPageDto } from './dto/venue-import-run.dto';
import { VenueImportsService } from './venue-imports.service';

@ApiTags('venue-imports')
@ApiBearerAuth()
@Controller('venue-imports')
@Roles('anct_admin')
export class VenueImportsController {
  constructor(private readonly imports: VenueImportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Import a file in the national standard (CSV or JSON, sent as is): its lines become venue applications or update sites, in a job.',
  })
  @ApiConsumes('text/csv', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: VenueImportRunDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_STANDARD_FILE', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  start(@CurrentActor() actor: OrganisationActor, @Body() file: Buffer, @Query() query: StartVenueImportQuery) {
    return this.imports.start(actor, Buffer.isBuffer(file) ? file : undefined, query.fileName ?? null);
  }

  @Get()
  @ApiOkResponse({ type: VenueImportRunPageDto })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() query: PaginationQuery) {
    return this.imports.list(query.limit, query.offset);
  }

  @Get(':id')
  @ApiOkResponse({ type: VenueImportRunDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.imports.get(id);
  }
}
