import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ReadStream } from 'node:fs';
import { AuditService } from '../../audit/audit.service';
import type { OrganisationActor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import type { PaginationQuery } from '../../common/http/pagination.query';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import { FileStorage } from '../../common/storage/file-storage';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { carnetScopeOf } from '../carnets/carnet-scope';
import { CarnetPrintDataService } from './carnet-print-data.service';
import type { CreatePrintRunDto } from './dto/create-print-run.dto';
import type { PrintRunListItemDto } from './dto/print-run-list-item.dto';
import type { PrintRunViewDto } from './dto/print-run-view.dto';
import { printRunFilePath } from './print-run-storage';
import type { PrintRunEntity } from './print-run.entity';
import { PrintingError } from './printing.errors';
import { PrintingRepository } from './printing.repository';
import { PrintRunsRepository } from './print-runs.repository';

export interface PrintRunJobData {
  printRunId: string;
}

export const PRINT_RUN_JOB = 'render';

/** One job per print run, ever. */
export function printRunJobId(printRunId: string): string {
  return `print-run-${printRunId}`;
}

export interface PrintRunDownload {
  fileName: string;
  bytes: number;
  stream: ReadStream;
}

/** Printing many carnets at once: the request is checked and queued here, the `print-runs` job renders it. */
@Injectable()
export class PrintRunsService {
  constructor(
    private readonly runs: PrintRunsRepository,
    private readonly printing: PrintingRepository,
    private readonly printData: CarnetPrintDataService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly storage: FileStorage,
    @InjectQueue(QUEUE_NAMES.printRuns) private readonly queue: Queue<PrintRunJobData>,
  ) {}

  async request(actor: OrganisationActor, dto: CreatePrintRunDto): Promise<PrintRunViewDto> {
    if ((dto.carnetIds === undefined) === (dto.orderId === undefined)) {
      throw new ValidationFailedError([{ field: 'carnetIds', problems: ['give either carnetIds or orderId'] }]);
    }
    const scope = carnetScopeOf(actor);
    const requestedIds = dto.carnetIds ? [...new Set(dto.carnetIds)] : await this.printing.printableCarnetIdsOfOrder(scope, orderIdOf(dto));
    if (requestedIds.length === 0) throw new NotFoundError('Order');
    if (requestedIds.length > this.config.PRINT_RUN_MAX_CARNETS) {
      throw new PrintingError(
        'PRINT_RUN_TOO_LARGE',
        `A print run holds at most ${this.config.PRINT_RUN_MAX_CARNETS} carnets; split the request.`,
        {
          requested: requestedIds.length,
          maximum: this.config.PRINT_RUN_MAX_CARNETS,
        },
      );
    }
    const carnets = await this.printData.resolvePrintable(scope, requestedIds);
    const run = await this.transactions.run(async (manager) => {
      const inserted = await this.runs.insert(manager, {
        organisationId: actor.organisationId,
        requestedByUserId: actor.userId,
        requestedByApiKeyId: actor.apiKeyId,
        carnetIds: carnets.map((carnet) => carnet.id),
        carnetCount: carnets.length,
        carnetsPerFile: this.config.PRINT_RUN_CARNETS_PER_FILE,
      });
      await this.audit.record(manager, {
        action: 'print_run.requested',
        objectType: 'print_run',
        objectId: inserted.id,
        objectOrganisationId: actor.organisationId,
        after: {
          carnetCount: carnets.length,
          orderId: dto.orderId ?? null,
          firstCarnetNumber: carnets[0].number,
          lastCarnetNumber: carnets[carnets.length - 1].number,
        },
      });
      return inserted;
    });
    // After commit: the job must find its row. One job per run, whatever happens to this request.
    try {
      await this.queue.add(PRINT_RUN_JOB, { printRunId: run.id }, { jobId: printRunJobId(run.id) });
    } catch (error) {
      await this.runs.markFailed(run.id, 'The job could not be queued; ask for the print run again.');
      throw error;
    }
    return toView(run);
  }

  /** An organisation lists its own runs; ANCT lists everyone's, to watch the platform's jobs (it cannot open their files). */
  async list(actor: OrganisationActor, query: PaginationQuery): Promise<Page<PrintRunListItemDto>> {
    const scope = actor.organisationKind === 'anct' ? null : actor.organisationId;
    const { items, total } = await this.runs.listOf(scope, query.limit, query.offset);
    return { items: items.map(toListItem), total, limit: query.limit, offset: query.offset };
  }

  async get(actor: OrganisationActor, id: string): Promise<PrintRunViewDto> {
    return toView(await this.findOwn(actor, id));
  }

  /** A file is downloadable as soon as it is finished, before the whole run is. */
  async openFile(actor: OrganisationActor, id: string, index: number): Promise<PrintRunDownload> {
    const run = await this.findOwn(actor, id);
    const file = run.files.find((candidate) => candidate.index === index);
    if (!file) throw new NotFoundError('Print run file');
    const path = printRunFilePath(run.id, file.fileName);
    const bytes = await this.storage.size(path);
    if (bytes === null) throw new PrintingError('PRINT_FILE_GONE', 'This file is no longer on the server; ask for a new print run.');
    return { fileName: `pass-numerique-${run.id.slice(0, 8)}-${file.fileName}`, bytes, stream: this.storage.openRead(path) };
  }

  private async findOwn(actor: OrganisationActor, id: string): Promise<PrintRunEntity> {
    const run = await this.runs.findOfOrganisation(id, actor.organisationId);
    if (!run) throw new NotFoundError('Print run');
    return run;
  }
}

function toView(run: PrintRunEntity): PrintRunViewDto {
  return {
    id: run.id,
    status: run.status,
    carnetCount: run.carnetCount,
    carnetsDone: run.carnetsDone,
    progressPercent: Math.floor((100 * run.carnetsDone) / run.carnetCount),
    carnetsPerFile: run.carnetsPerFile,
    files: run.files.map((file) => ({ ...file, downloadUrl: `/api/v1/print-runs/${run.id}/files/${file.index}` })),
    failureReason: run.failureReason,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

function toListItem(run: PrintRunEntity): PrintRunListItemDto {
  if (!run.organisation) throw new Error(`Print run ${run.id} listed without its organisation`);
  return { ...toView(run), organisationId: run.organisationId, organisationName: run.organisation.name };
}

/** The order to print when no carnets are listed: request() has checked that exactly one of the two is given. */
function orderIdOf(dto: CreatePrintRunDto): string {
  if (dto.orderId === undefined) throw new Error('A print run names either carnets or an order');
  return dto.orderId;
}
