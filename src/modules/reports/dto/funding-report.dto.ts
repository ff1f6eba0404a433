import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_REPORT_STATUSES, type FundingReportStatus } from '../funding-report-status';

/** A funding report (bilan) of a programme, for one funder or all: computed by a job, then downloadable. */
export class FundingReportDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'Null: every funder of the programme.' })
  funderId: string | null;

  @ApiProperty({ type: 'string', enum: FUNDING_REPORT_STATUSES })
  status: FundingReportStatus;

  @ApiProperty({ type: 'string', format: 'uuid' })
  requestedByOrganisationId: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'The moment the figures describe.' })
  asOf: Date | null;

  @ApiProperty({ type: 'string', nullable: true, example: '/api/v1/funding-reports/…/summary.csv', description: 'Null until ready.' })
  summaryCsvUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '/api/v1/funding-reports/…/funnel.csv' })
  funnelCsvUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '/api/v1/funding-reports/…/report.xlsx' })
  xlsxUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  error: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
}
