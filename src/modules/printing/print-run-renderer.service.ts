import { Injectable, Logger } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditService } from '../../audit/audit.service';
import { FileStorage } from '../../common/storage/file-storage';
import { TransactionRunner } from '../../database/transaction-runner';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { CarnetPrintDataService } from './carnet-print-data.service';
import { printRunFilePath } from './print-run-storage';
import type { PrintRunEntity, PrintRunFile } from './print-run.entity';
import { PrintingRepository } from './printing.repository';
import { printRunFileName, splitIntoParts } from './printing.rules';
import { PrintRunsRepository } from './print-runs.repository';
import { PdfRenderPool } from './render/pdf-render-pool';

// Progress is written to PostgreSQL at most this often.
const PROGRESS_INTERVAL_MS = 1000;

/**
 * The work of the `print-runs` job. Part by part (PRINT_RUN_CARNETS_PER_FILE carnets): codes are signed
 * here, pages are drawn by a render thread, each finished file is recorded at once. A retried job
 * resumes after the last recorded file, so delivery "at least once" never prints a part twice.
 */
@Injectable()
export class PrintRunRenderer {
  private readonly logger = new Logger(PrintRunRenderer.name);

  constructor(
    private readonly runs: PrintRunsRepository,
    private readonly printing: PrintingRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly printData: CarnetPrintDataService,
    private readonly renderPool: PdfRenderPool,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
  ) {}

  async render(printRunId: string, options: { finalAttempt: boolean }): Promise<void> {
    const run = await this.runs.findForJob(printRunId);
    if (!run || run.status === 'completed') return;
    const started = Date.now();
    this.logger.log(`Print run ${run.id}: rendering ${run.carnetCount} carnets (${run.files.length} file(s) already done)`);
    try {
      await this.runs.markRunning(run.id);
      const carnetsDone = await this.renderParts(run);
      await this.transactions.run(async (manager) => {
        await this.runs.markCompleted(manager, run.id, carnetsDone);
        await this.audit.record(manager, {
          action: 'print_run.completed',
          objectType: 'print_run',
          objectId: run.id,
          objectOrganisationId: run.organisationId,
          after: { carnetCount: run.carnetCount, files: splitIntoParts(run.carnetIds, run.carnetsPerFile).length },
        });
      });
      this.logger.log(`Print run ${run.id}: ${run.carnetCount} carnets in ${Date.now() - started} ms`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Print run ${run.id} failed${options.finalAttempt ? ' for good' : ', will be retried'}: ${reason}`);
      if (options.finalAttempt) {
        await this.runs.markFailed(run.id, reason);
        // Nothing will finish these files now: a part left half-written (a full disk, a dead render thread) goes.
        await Promise.all(
          splitIntoParts(run.carnetIds, run.carnetsPerFile).map((_, offset) =>
            this.storage.removeUnfinished(printRunFilePath(run.id, printRunFileName(offset + 1))),
          ),
        );
      }
      throw error;
    }
  }

  private async renderParts(run: PrintRunEntity): Promise<number> {
    const organisation = await this.organisations.findById(run.organisationId);
    const scope = { kind: organisation?.kind ?? null, organisationId: run.organisationId };
    const parts = splitIntoParts(run.carnetIds, run.carnetsPerFile);
    const recorded = new Map(run.files.map((file) => [file.index, file]));
    let carnetsDone = 0;
    for (const [offset, carnetIds] of parts.entries()) {
      const index = offset + 1;
      const relativePath = printRunFilePath(run.id, printRunFileName(index));
      const path = this.storage.absolutePath(relativePath);
      const earlier = recorded.get(index);
      if (earlier && (await this.storage.size(relativePath)) === earlier.bytes) {
        carnetsDone += carnetIds.length;
        continue;
      }
      // Carnets reallocated elsewhere since the request are no longer the requester's to print.
      const carnets = await this.printing.findCarnets(scope, carnetIds);
      const before = carnetsDone;
      let lastReport = Date.now();
      let file: PrintRunFile | null = null;
      if (carnets.length > 0) {
        await mkdir(dirname(path), { recursive: true });
        const rendered = await this.renderPool.renderToFile(await this.printData.build(carnets), path, (done) => {
          if (Date.now() - lastReport < PROGRESS_INTERVAL_MS) return;
          lastReport = Date.now();
          void this.runs
            .recordProgress(run.id, before + done)
            .catch((error: Error) => this.logger.warn(`Progress of ${run.id} not saved: ${error.message}`));
        });
        file = {
          index,
          fileName: printRunFileName(index),
          carnetCount: carnets.length,
          omittedCarnetCount: carnetIds.length - carnets.length,
          firstCarnetNumber: carnets[0].number,
          lastCarnetNumber: carnets[carnets.length - 1].number,
          bytes: rendered.bytes,
          sha256: rendered.sha256,
        };
      }
      carnetsDone += carnetIds.length;
      if (file) await this.runs.recordFile(run.id, file, carnetsDone);
      else await this.runs.recordProgress(run.id, carnetsDone);
    }
    return carnetsDone;
  }
}
