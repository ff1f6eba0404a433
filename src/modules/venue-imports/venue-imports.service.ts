import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Actor } from '../../auth/actor';
import { systemActor } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError } from '../../common/errors/common-errors';
import type { Page } from '../../common/http/pagination.query';
import { runInContext } from '../../common/request-context';
import { TransactionRunner } from '../../database/transaction-runner';
import { QUEUE_NAMES } from '../../queue/queue-names';
import { readStandardCsv, readStandardJson, type ReadTable } from '../venues/standard/standard-csv';
import { missingRequiredColumns, parseStandardLine, standardFingerprint, type StandardSite } from '../venues/standard/standard-lieu.rules';
import { OWN_SOURCE } from '../venues/standard/venue-standard-export.service';
import type { VenueSiteEntity } from '../venues/venue-site.entity';
import type { RejectedLine } from './venue-import-run.entity';
import { VenueImportError } from './venue-imports.errors';
import { type ImportProgress, VenueImportsRepository, type VenueImportRunView } from './venue-imports.repository';

export const VENUE_IMPORT_JOB = 'import-venues';
/** Lines written per transaction; progress is saved after each. */
const CHUNK_LINES = 500;

export interface VenueImportJob {
  runId: string;
}

/**
 * ANCT imports a file in the national standard (for example an export of the Cartographie nationale).
 * Each line creates or updates a venue site; a SIRET not known here becomes a venue **application**
 * (`pending`): an import never qualifies anyone, and never changes a venue's qualification.
 */
@Injectable()
export class VenueImportsService {
  private readonly logger = new Logger(VenueImportsService.name);

  constructor(
    private readonly runs: VenueImportsRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @InjectQueue(QUEUE_NAMES.venueImports) private readonly queue: Queue,
  ) {}

  /** Checks that the file is the standard (one clear error if not), records it and queues its import. */
  async start(actor: Actor, file: Buffer | undefined, fileName: string | null): Promise<VenueImportRunView> {
    const content = file?.toString('utf8') ?? '';
    const { format, table } = readFile(content);
    const run = await this.runs.insertRun({ format, fileName, content, totalLines: table.lines.length, requestedByUserId: actor.userId });
    await this.queue.add(VENUE_IMPORT_JOB, { runId: run.id } satisfies VenueImportJob, { jobId: `venue-import-${run.id}` });
    return run;
  }

  async get(id: string): Promise<VenueImportRunView> {
    const run = await this.runs.findRun(id);
    if (!run) throw new NotFoundError('Import');
    return run;
  }

  async list(limit: number, offset: number): Promise<Page<VenueImportRunView>> {
    const { items, total } = await this.runs.listRuns(limit, offset);
    return { items, total, limit, offset };
  }

  /** The job: every line, in chunks of one transaction each, progress saved after each chunk. */
  async execute(runId: string): Promise<void> {
    const run = await this.runs.markRunning(runId);
    if (!run) return;
    await runInContext({ requestId: `job:${QUEUE_NAMES.venueImports}:${runId}`, actor: systemActor('job:venue_import') }, async () => {
      const started = Date.now();
      try {
        const { table } = readFile(run.content);
        const progress: ImportProgress = { processedLines: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, rejectedLines: [] };
        for (let start = 0; start < table.lines.length; start += CHUNK_LINES) {
          const chunk = table.lines.slice(start, start + CHUNK_LINES);
          await this.transactions.run(async (manager) => {
            for (const { line, record } of chunk) {
              const parsed = parseStandardLine(record);
              if (!parsed.ok) {
                progress.rejectedLines.push({ line, id: record.id?.trim() || null, reasons: parsed.problems });
                continue;
              }
              const outcome = await this.importLine(manager, parsed.site);
              progress[`${outcome}Count`] += 1;
            }
            progress.processedLines += chunk.length;
            await this.runs.recordProgress(manager, runId, progress);
          });
        }
        await this.runs.markCompleted(runId);
        this.logger.log(
          `venue import ${runId}: ${progress.processedLines} lines in ${Date.now() - started} ms — ${progress.createdCount} created, ${progress.updatedCount} updated, ${progress.unchangedCount} unchanged, ${progress.rejectedLines.length} rejected`,
        );
      } catch (error) {
        await this.runs.markFailed(runId, (error as Error).message);
        throw error;
      }
    });
  }

  private async importLine(manager: Parameters<Parameters<TransactionRunner['run']>[0]>[0], site: StandardSite): Promise<'created' | 'updated' | 'unchanged'> {
    const source = site.externalSource ?? '';
    const existing =
      (await this.runs.findImportedSite(manager, source, site.externalId)) ??
      (source === OWN_SOURCE ? await this.runs.findOwnSite(manager, site.externalId) : null);
    const fingerprint = standardFingerprint(site);
    if (existing) {
      if (existing.standardFingerprint === fingerprint) return 'unchanged';
      const values = siteValues(site, fingerprint, existing.externalId === null ? null : source);
      await this.runs.updateSite(manager, existing.id, values);
      await this.audit.record(manager, {
        action: 'venue_site.imported',
        objectType: 'venue_site',
        objectId: existing.id,
        objectOrganisationId: existing.venueId,
        before: { fingerprint: existing.standardFingerprint },
        after: { fingerprint, sourceUpdatedOn: site.sourceUpdatedOn },
      });
      return 'updated';
    }
    let venueId = (await this.runs.findVenueBySiret(manager, site.siret))?.id;
    if (!venueId) {
      venueId = await this.runs.insertPendingVenue(manager, {
        name: site.name,
        siret: site.siret,
        addressLine: site.addressLine,
        postalCode: site.postalCode,
        city: site.city,
        communeInseeCode: site.communeInseeCode,
        departementCode: site.departementCode,
      });
      await this.audit.record(manager, {
        action: 'venue.applied',
        objectType: 'organisation',
        objectId: venueId,
        objectOrganisationId: venueId,
        after: { origin: 'import', siret: site.siret, qualificationStatus: 'pending' },
      });
    }
    const siteId = await this.runs.insertSite(manager, { ...siteValues(site, fingerprint, source), venueId, openingHours: [] });
    await this.audit.record(manager, {
      action: 'venue_site.imported',
      objectType: 'venue_site',
      objectId: siteId,
      objectOrganisationId: venueId,
      after: { externalId: site.externalId, externalSource: source, fingerprint },
    });
    return 'created';
  }
}

/** What a line writes on a site (never its venue's qualification, never its Pass services). */
function siteValues(site: StandardSite, fingerprint: string, externalSource: string | null): Partial<VenueSiteEntity> {
  const { siret: _siret, externalId, externalSource: _source, ...fields } = site;
  return { ...fields, externalId: externalSource === null ? null : externalId, externalSource, standardFingerprint: fingerprint };
}

/** The file as the standard: JSON (an array of lines) or CSV, with at least the required columns. */
function readFile(content: string): { format: 'csv' | 'json'; table: ReadTable } {
  const trimmed = content.trimStart().replace(/^\uFEFF/, '');
  let format: 'csv' | 'json' = 'csv';
  let table: ReadTable | null;
  try {
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
      format = 'json';
      table = readStandardJson(JSON.parse(trimmed));
    } else {
      table = readStandardCsv(content);
    }
  } catch (error) {
    throw notStandard(`le fichier ne peut pas être lu comme ${format === 'json' ? 'du JSON' : 'un CSV'} (${(error as Error).message.slice(0, 120)})`);
  }
  if (!table || table.lines.length === 0) throw notStandard('le fichier ne contient aucune ligne de lieu');
  const missing = missingRequiredColumns(table.header);
  if (missing.length > 0) throw notStandard(`colonnes obligatoires absentes : ${missing.join(', ')}`, { missingColumns: missing });
  return { format, table };
}

function notStandard(reason: string, details: Record<string, unknown> = {}): VenueImportError {
  return new VenueImportError(
    'NOT_STANDARD_FILE',
    `Ce fichier n'est pas au standard des lieux de médiation numérique (version 1.0) : ${reason}.`,
    { reason, ...details },
  );
}

export type { RejectedLine };
