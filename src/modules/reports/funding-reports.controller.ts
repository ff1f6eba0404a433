import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ListFundingReportsQuery } from './dto/list-funding-reports.query';
import { RequestFundingReportDto } from './dto/request-funding-report.dto';
import { FundingReportFile, FundingReportsService } from './funding-reports.service';

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
  request(@CurrentActor() actor: Actor, @Body() dto: RequestFundingReportDto) {
    return this.reports.request(actor, dto);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListFundingReportsQuery) {
    return this.reports.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.get(actor, id);
  }

  @Get(':id/summary.csv')
  @ApiProduces('text/csv')
  summary(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'summary.csv');
  }

  @Get(':id/funnel.csv')
  @ApiProduces('text/csv')
  funnel(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'funnel.csv');
  }

  @Get(':id/report.xlsx')
  @ApiProduces(CONTENT_TYPES['report.xlsx'])
  workbook(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.download(actor, id, 'report.xlsx');
  }

  private async download(actor: Actor, id: string, file: FundingReportFile): Promise<StreamableFile> {
    const { stream, fileName } = await this.reports.open(actor, id, file);
    return new StreamableFile(stream, { type: CONTENT_TYPES[file], disposition: `attachment; filename="${fileName}"` });
  }
}
