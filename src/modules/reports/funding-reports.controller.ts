import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ListFundingReportsQuery } from './dto/list-funding-reports.query';
import { RequestFundingReportDto } from './dto/request-funding-report.dto';
import { FundingReportFile, FundingReportsService } from './funding-reports.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { ApiFile } from '../../common/http/api-file.decorator';
import { PageOf } from '../../common/http/page.dto';
import { FundingReportDto } from './dto/funding-report.dto';

const CONTENT_TYPES: Record<FundingReportFile, string> = {
  'summary.csv': 'text/csv; charset=utf-8',
  'funnel.csv': 'text/csv; charset=utf-8',
  'report.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

@ApiTags('reports')
@ApiBearerAuth()
@Controller('funding-reports')
@Roles('anct_admin', 'funder_manager')
export class FundingReportsController {
  constructor(private readonly reports: FundingReportsService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: FundingReportDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  request(@CurrentActor() actor: OrganisationActor, @Body() dto: RequestFundingReportDto) {
    return this.reports.request(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(FundingReportDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListFundingReportsQuery) {
    return this.reports.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: FundingReportDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.get(actor, id);
  }

  @Get(':id/summary.csv')
  @ApiFile('text/csv', 'Figures per territory (French CSV: semicolons, UTF-8 with BOM).')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'REPORT_NOT_READY')
  summary(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'summary.csv');
  }

  @Get(':id/funnel.csv')
  @ApiFile('text/csv', 'Usage funnel per month (French CSV).')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'REPORT_NOT_READY')
  funnel(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'funnel.csv');
  }

  @Get(':id/report.xlsx')
  @ApiFile(CONTENT_TYPES['report.xlsx'], 'Both tables as an Excel workbook.')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'REPORT_NOT_READY')
  workbook(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'report.xlsx');
  }

  private async download(actor: OrganisationActor, id: string, file: FundingReportFile): Promise<StreamableFile> {
    const { stream, fileName } = await this.reports.open(actor, id, file);
    return new StreamableFile(stream, { type: CONTENT_TYPES[file], disposition: `attachment; filename="${fileName}"` });
  }
}
