import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ReadStream } from 'node:fs';
import type { OrganisationActor } from '../../auth/actor';
import { systemActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import { apiUrl } from '../../common/http/api-url';
import { formatDateTimeFr, writeFrenchCsv } from '../../common/export/french-csv';
import { writeXlsx, xlsxSheet } from '../../common/export/xlsx-stream';
import type { Page } from '../../common/http/pagination.query';
import { runInContext } from '../../common/request-context';
import { FileStorage } from '../../common/storage/file-storage';
import { QUEUE_NAMES } from '../../queue/queue-names';
import type { ListFundingReportsQuery } from './dto/list-funding-reports.query';
import type { RequestFundingReportDto } from './dto/request-funding-report.dto';
import { ABOUT_COLUMNS, FUNNEL_COLUMNS, SUMMARY_COLUMNS } from './funding-report.columns';
import type { FundingReportEntity } from './funding-report.entity';
import { FundingReportsRepository } from './funding-reports.repository';
import { ReportError } from './reports.errors';

export const FUNDING_REPORT_JOB = 'build-funding-report';

/** One job per report, ever. */
export function fundingReportJobId(reportId: string): string {
  return `report-${reportId}`;
}
export type FundingReportFile = 'summary.csv' | 'funnel.csv' | 'report.xlsx';

export interface FundingReportPayload {
  reportId: string;
}

/**
 * Funding reports (bilans): asked for through the API, computed by a job — figures aggregated in
 * PostgreSQL into row tables, then streamed from cursors into CSV and XLSX files on storage.
 */
@Injectable()
export class FundingReportsService {
  private readonly logger = new Logger(FundingReportsService.name);

  constructor(
    private readonly reports: FundingReportsRepository,
    private readonly storage: FileStorage,
    @InjectQueue(QUEUE_NAMES.reports) private readonly queue: Queue,
  ) {}

  async request(actor: OrganisationActor, dto: RequestFundingReportDto): Promise<FundingReportView> {
    let funderId = dto.funderId ?? null;
    if (actor.organisationKind === 'funder') {
      // Another funder's scope is answered like a missing one.
      if (funderId !== null && funderId !== actor.organisationId) throw new NotFoundError('Funder');
      funderId = actor.organisationId;
    }
    // A funder only sees the programmes it is enrolled in: another one answers like a missing one, so that
    // programme ids cannot be probed.
    if (!(await this.reports.isProgrammeVisibleTo(actor, dto.programmeId))) throw new NotFoundError('Programme');
    if (funderId !== null && !(await this.reports.isFunder(funderId))) throw new NotFoundError('Funder');
    const report = await this.reports.insert({
      programmeId: dto.programmeId,
      funderId,
      requestedByOrganisationId: actor.organisationId,
      requestedByUserId: actor.userId,
    });
    try {
      await this.queue.add(FUNDING_REPORT_JOB, { reportId: report.id } satisfies FundingReportPayload, {
        jobId: fundingReportJobId(report.id),
      });
    } catch (error) {
      await this.reports.markFailed(report.id, `Could not be queued: ${(error as Error).message}`);
      throw error;
    }
    return toFundingReportView(report);
  }

  /** The job: idempotent (a ready report is left alone; an interrupted one is computed again). */
  async build(reportId: string, jobId: string): Promise<void> {
    const report = await this.reports.markRunning(reportId);
    if (!report) return;
    await runInContext({ requestId: `job:${QUEUE_NAMES.reports}:${jobId}`, actor: systemActor('job:funding-report') }, async () => {
      const started = Date.now();
      try {
        const asOf = await this.reports.computeFigures(report);
        const names = await this.reports.scopeNames(report.programmeId, report.funderId);
        const base = `reports/${report.id}`;
        const paths = {
          summaryCsvPath: `${base}/bilan-synthese.csv`,
          funnelCsvPath: `${base}/bilan-parcours.csv`,
          xlsxPath: `${base}/bilan.xlsx`,
        };
        await this.storage.write(paths.summaryCsvPath, (output) =>
          writeFrenchCsv(SUMMARY_COLUMNS, this.reports.streamSummary(report.id), output),
        );
        await this.storage.write(paths.funnelCsvPath, (output) =>
          writeFrenchCsv(FUNNEL_COLUMNS, this.reports.streamFunnel(report.id), output),
        );
        const about = [
          { label: 'Programme', value: names.programme ?? report.programmeId },
          { label: 'Périmètre', value: names.funder ? `Financeur : ${names.funder}` : 'Tous les financeurs du programme' },
          { label: 'Données arrêtées au', value: formatDateTimeFr(asOf) },
          { label: 'Montants', value: 'en euros ; les taux sont calculés sur les nombres de la même ligne' },
        ];
        await this.storage.write(paths.xlsxPath, (output) =>
          writeXlsx(output, [
            xlsxSheet('Synthèse', SUMMARY_COLUMNS, this.reports.streamSummary(report.id)),
            xlsxSheet('Parcours', FUNNEL_COLUMNS, this.reports.streamFunnel(report.id)),
            xlsxSheet('À propos', ABOUT_COLUMNS, about),
          ]),
        );
        await this.reports.markReady(report.id, paths);
        this.logger.log(`Funding report ${report.id} ready in ${Date.now() - started} ms`);
      } catch (error) {
        await this.reports.markFailed(report.id, (error as Error).message);
        this.logger.error(`Funding report ${report.id} failed after ${Date.now() - started} ms: ${(error as Error).message}`);
        throw error;
      }
    });
  }

  async list(actor: OrganisationActor, query: ListFundingReportsQuery): Promise<Page<FundingReportView>> {
    const page = await this.reports.listVisibleTo(actor, query);
    return { ...page, items: page.items.map(toFundingReportView) };
  }

  async get(actor: OrganisationActor, id: string): Promise<FundingReportView> {
    return toFundingReportView(await this.findVisible(actor, id));
  }

  async open(actor: OrganisationActor, id: string, file: FundingReportFile): Promise<{ stream: ReadStream; fileName: string }> {
    const report = await this.findVisible(actor, id);
    if (report.status !== 'ready') throw new ReportError('REPORT_NOT_READY', `The report is ${report.status}.`, { status: report.status });
    const path = { 'summary.csv': report.summaryCsvPath, 'funnel.csv': report.funnelCsvPath, 'report.xlsx': report.xlsxPath }[file];
    // markReady writes the three paths together with the 'ready' status.
    if (!path) throw new Error(`Report ${report.id} is ready but has no ${file}.`);
    return { stream: this.storage.openRead(path), fileName: `bilan-${report.id.slice(0, 8)}-${file}` };
  }

  private async findVisible(actor: OrganisationActor, id: string): Promise<FundingReportEntity> {
    const report = await this.reports.findVisibleTo(actor, id);
    if (!report) throw new NotFoundError('Funding report');
    return report;
  }
}

/** A report as answered: its files as download URLs under the API (once ready), never where storage keeps them. */
export type FundingReportView = Omit<FundingReportEntity, 'summaryCsvPath' | 'funnelCsvPath' | 'xlsxPath'> & {
  summaryCsvUrl: string | null;
  funnelCsvUrl: string | null;
  xlsxUrl: string | null;
};

export function toFundingReportView(report: FundingReportEntity): FundingReportView {
  const { summaryCsvPath: _summary, funnelCsvPath: _funnel, xlsxPath: _xlsx, ...rest } = report;
  const url = (file: FundingReportFile) => (report.status === 'ready' ? apiUrl('funding-reports', report.id, file) : null);
  return { ...rest, summaryCsvUrl: url('summary.csv'), funnelCsvUrl: url('funnel.csv'), xlsxUrl: url('report.xlsx') };
}
