import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { CarnetPdfService } from './carnet-pdf.service';
import { CarnetPdfQuery } from './dto/carnet-pdf.query';
import { CreatePrintRunDto } from './dto/create-print-run.dto';
import { PrintRunListItemDto } from './dto/print-run-list-item.dto';
import { PrintRunViewDto } from './dto/print-run-view.dto';
import { PageOf } from '../../common/http/page.dto';
import { PrintRunsService } from './print-runs.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { ApiFile } from '../../common/http/api-file.decorator';

@ApiTags('printing')
@ApiBearerAuth()
@Controller()
@Roles('prescriber_agent', 'funder_manager')
export class PrintingController {
  constructor(
    private readonly carnetPdfs: CarnetPdfService,
    private readonly printRuns: PrintRunsService,
  ) {}

  @Get('carnets/:id/pdf')
  @ApiOperation({ summary: 'The printable carnet (A4, French): cover and one cut-out coupon per chèque with its signed QR code' })
  @ApiFile('application/pdf', 'The printable carnet.')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'VOUCHER_OUTLIVES_SIGNING_KEY')
  async downloadCarnetPdf(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: CarnetPdfQuery,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.carnetPdfs.render(actor, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `${query.disposition}; filename="${fileName}"`,
      length: pdf.length,
    });
  }

  @Post('print-runs')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Print many carnets at once: rendered by a job into PDF files of at most PRINT_RUN_CARNETS_PER_FILE carnets' })
  @ApiAcceptedResponse({ type: PrintRunViewDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'PRINT_RUN_TOO_LARGE')
  requestPrintRun(@CurrentActor() actor: OrganisationActor, @Body() dto: CreatePrintRunDto): Promise<PrintRunViewDto> {
    return this.printRuns.request(actor, dto);
  }

  @Get('print-runs')
  @Roles('prescriber_agent', 'funder_manager', 'anct_admin')
  @ApiOperation({ summary: 'Print runs, newest first: the organisation’s own; ANCT lists every organisation’s (read only)' })
  @ApiOkResponse({ type: PageOf(PrintRunListItemDto) })
  @ApiErrors('VALIDATION_FAILED')
  listPrintRuns(@CurrentActor() actor: OrganisationActor, @Query() query: PaginationQuery) {
    return this.printRuns.list(actor, query);
  }

  @Get('print-runs/:id')
  @ApiOperation({ summary: 'Status, progress and finished files of a print run' })
  @ApiOkResponse({ type: PrintRunViewDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  getPrintRun(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<PrintRunViewDto> {
    return this.printRuns.get(actor, id);
  }

  @Get('print-runs/:id/files/:index')
  @ApiOperation({ summary: 'Download one PDF file of a print run' })
  @ApiFile('application/pdf', 'One PDF file of the print run.')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'PRINT_FILE_GONE')
  async downloadPrintRunFile(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('index', new ParseIntPipe()) index: number,
  ): Promise<StreamableFile> {
    const { fileName, bytes, stream } = await this.printRuns.openFile(actor, id, index);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: bytes });
  }
}
