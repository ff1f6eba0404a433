import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Actor } from '../../auth/actor';
import { systemActor } from '../../auth/actor';
import { type AuditRecord, AuditService } from '../../audit/audit.service';
import type { EntityManager } from 'typeorm';
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
            const parsed: { line: number; site: StandardSite }[] = [];
            for (const { line, record } of chunk) {
              const result = parseStandardLine(record);
              if (result.ok) parsed.push({ line, site: result.site });
              else progress.rejectedLines.push({ line, id: record.id?.trim() || null, reasons: result.problems });
            }
            await this.importChunk(manager, parsed, progress);
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

  /**
   * One chunk, in a few statements: the sites already imported (by `source` + `id`, or our own exported
   * sites by their id), the venues already known (by SIRET), then the new venues and the new sites each
   * in one insert. Only sites whose content changed are updated.
   */
  private async importChunk(
    manager: EntityManager,
    lines: { line: number; site: StandardSite }[],
    progress: ImportProgress,
  ): Promise<void> {
    const keyOf = (site: StandardSite) => `${site.externalSource ?? ''}\u0000${site.externalId}`;
    const imported = await this.runs.findImportedSites(
      manager,
      lines.map(({ site }) => ({ source: site.externalSource ?? '', id: site.externalId })),
    );
    const known = new Map(imported.map((site) => [`${site.externalSource}\u0000${site.externalId}`, site]));
    const own = new Map(
      (
        await this.runs.findOwnSites(
          manager,
          lines.filter(({ site }) => site.externalSource === OWN_SOURCE).map(({ site }) => site.externalId),
        )
      ).map((site) => [site.id, site]),
    );
    const audits: AuditRecord[] = [];
    const toCreate: { line: number; site: StandardSite; fingerprint: string }[] = [];
    const inThisChunk = new Set<string>();
    for (const { line, site } of lines) {
      const key = keyOf(site);
      if (inThisChunk.has(key)) {
        progress.rejectedLines.push({
          line,
          id: site.externalId,
          reasons: [`id : « ${site.externalId} » figure déjà plus haut dans le fichier pour la même source`],
        });
        continue;
      }
      inThisChunk.add(key);
      const fingerprint = standardFingerprint(site);
      const existing = known.get(key) ?? (site.externalSource === OWN_SOURCE ? own.get(site.externalId) : undefined);
      if (!existing) {
        toCreate.push({ line, site, fingerprint });
      } else if (existing.standardFingerprint === fingerprint) {
        progress.unchangedCount += 1;
      } else {
        await this.runs.updateSite(
          manager,
          existing.id,
          siteValues(site, fingerprint, existing.externalId === null ? null : (site.externalSource ?? '')),
        );
        audits.push({
          action: 'venue_site.imported',
          objectType: 'venue_site',
          objectId: existing.id,
          objectOrganisationId: existing.venueId,
          before: { fingerprint: existing.standardFingerprint },
          after: { fingerprint, sourceUpdatedOn: site.sourceUpdatedOn },
        });
        progress.updatedCount += 1;
      }
    }

    const venueBySiret = new Map<string, string>();
    // Found by SIRET, so each has one.
    for (const venue of await this.runs.findVenuesBySiret(manager, [...new Set(toCreate.map(({ site }) => site.siret))])) {
      if (venue.siret) venueBySiret.set(venue.siret, venue.id);
    }
    const newVenues = [
      ...new Map(toCreate.filter(({ site }) => !venueBySiret.has(site.siret)).map(({ site }) => [site.siret, site])).values(),
    ];
    const newVenueIds = await this.runs.insertPendingVenues(
      manager,
      newVenues.map((site) => ({
        name: site.name,
        siret: site.siret,
        addressLine: site.addressLine,
        postalCode: site.postalCode,
        city: site.city,
        communeInseeCode: site.communeInseeCode,
        departementCode: site.departementCode,
      })),
    );
    newVenues.forEach((site, index) => {
      venueBySiret.set(site.siret, newVenueIds[index]);
      audits.push({
        action: 'venue.applied',
        objectType: 'organisation',
        objectId: newVenueIds[index],
        objectOrganisationId: newVenueIds[index],
        after: { origin: 'import', siret: site.siret, qualificationStatus: 'pending' },
      });
    });

    // Every SIRET to create a site for now has its venue: found above, or just inserted as pending.
    const venueIdOf = (siret: string): string => {
      const venueId = venueBySiret.get(siret);
      if (!venueId) throw new Error(`No venue for SIRET ${siret} after inserting the new ones.`);
      return venueId;
    };
    const siteIds = await this.runs.insertSites(
      manager,
      toCreate.map(({ site, fingerprint }) => ({
        ...siteValues(site, fingerprint, site.externalSource ?? ''),
        venueId: venueIdOf(site.siret),
        openingHours: [],
      })),
    );
    toCreate.forEach(({ site, fingerprint }, index) =>
      audits.push({
        action: 'venue_site.imported',
        objectType: 'venue_site',
        objectId: siteIds[index],
        objectOrganisationId: venueIdOf(site.siret),
        after: { externalId: site.externalId, externalSource: site.externalSource ?? '', fingerprint },
      }),
    );
    progress.createdCount += toCreate.length;
    await this.audit.record(manager, ...audits);
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
    throw notStandard(
      `le fichier ne peut pas être lu comme ${format === 'json' ? 'du JSON' : 'un CSV'} (${(error as Error).message.slice(0, 120)})`,
    );
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
