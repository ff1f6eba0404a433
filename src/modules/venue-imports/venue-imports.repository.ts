import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { bulkInsert } from '../../database/bulk-insert';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { VenueSiteEntity } from '../venues/venue-site.entity';
import type { RejectedLine } from './venue-import-run.entity';
import { VenueImportRunEntity } from './venue-import-run.entity';

/** A run as the API shows it: everything but the file itself. */
export type VenueImportRunView = Omit<VenueImportRunEntity, 'content'>;

const VIEW_COLUMNS: (keyof VenueImportRunView)[] = [
  'id',
  'status',
  'format',
  'fileName',
  'totalLines',
  'processedLines',
  'createdCount',
  'updatedCount',
  'unchangedCount',
  'rejectedLines',
  'error',
  'requestedByUserId',
  'createdAt',
  'startedAt',
  'finishedAt',
];

const VIEW_SELECT = Object.fromEntries(VIEW_COLUMNS.map((column) => [column, true])) as Record<keyof VenueImportRunView, true>;

export interface ImportProgress {
  processedLines: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedLines: RejectedLine[];
}

@Injectable()
export class VenueImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertRun(
    values: Pick<VenueImportRunEntity, 'format' | 'fileName' | 'content' | 'totalLines' | 'requestedByUserId'>,
  ): Promise<VenueImportRunView> {
    const [row] = await this.dataSource.manager.insert(VenueImportRunEntity, values).then((result) => result.identifiers);
    const run = await this.findRun(row.id as string);
    if (!run) throw new Error(`Venue import run ${String(row.id)} vanished right after its insert.`);
    return run;
  }

  findRun(id: string): Promise<VenueImportRunView | null> {
    return this.dataSource.manager.findOne(VenueImportRunEntity, { where: { id }, select: VIEW_SELECT });
  }

  async listRuns(limit: number, offset: number): Promise<{ items: VenueImportRunView[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(VenueImportRunEntity, {
      select: VIEW_SELECT,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /**
   * Starts (or restarts, after a crash) a run from its first line, with the file; null once it has
   * completed — a redelivered job then has nothing to do. Lines already written are found again by
   * their `id` + `source` and count as unchanged.
   */
  async markRunning(id: string): Promise<VenueImportRunEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(VenueImportRunEntity)
      .set({
        status: 'running',
        startedAt: () => 'coalesce(started_at, now())',
        processedLines: 0,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 0,
        rejectedLines: [],
        error: null,
      })
      .where('id = :id AND status <> :completed', { id, completed: 'completed' })
      .execute();
    return result.affected ? this.dataSource.manager.findOneBy(VenueImportRunEntity, { id }) : null;
  }

  async recordProgress(manager: EntityManager, id: string, progress: ImportProgress): Promise<void> {
    await manager.update(VenueImportRunEntity, { id }, progress);
  }

  async markCompleted(id: string): Promise<void> {
    await this.dataSource.manager.update(VenueImportRunEntity, { id }, { status: 'completed', finishedAt: () => 'now()' });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.manager.update(VenueImportRunEntity, { id }, { status: 'failed', error, finishedAt: () => 'now()' });
  }

  /** Sites imported earlier from lines with these `source` + `id` pairs (the empty string for no source). */
  async findImportedSites(
    manager: EntityManager,
    keys: readonly { source: string; id: string }[],
  ): Promise<Pick<VenueSiteEntity, 'id' | 'venueId' | 'externalId' | 'externalSource' | 'standardFingerprint'>[]> {
    if (keys.length === 0) return [];
    return manager.query(
      `SELECT s.id, s.venue_id AS "venueId", s.external_id AS "externalId", s.external_source AS "externalSource", s.standard_fingerprint AS "standardFingerprint"
         FROM venue_sites s
         JOIN unnest($1::text[], $2::text[]) AS k(source, id) ON s.external_source = k.source AND s.external_id = k.id`,
      [keys.map((key) => key.source), keys.map((key) => key.id)],
    );
  }

  /** Sites registered here, exported with their own id and our source, now imported back. */
  async findOwnSites(
    manager: EntityManager,
    siteIds: readonly string[],
  ): Promise<Pick<VenueSiteEntity, 'id' | 'venueId' | 'externalId' | 'externalSource' | 'standardFingerprint'>[]> {
    const uuids = siteIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return [];
    return manager.find(VenueSiteEntity, {
      where: { id: In(uuids) },
      select: { id: true, venueId: true, externalId: true, externalSource: true, standardFingerprint: true },
    });
  }

  findVenuesBySiret(manager: EntityManager, sirets: readonly string[]): Promise<Pick<OrganisationEntity, 'id' | 'siret'>[]> {
    if (sirets.length === 0) return Promise.resolve([]);
    return manager.find(OrganisationEntity, { where: { kind: 'venue', siret: In([...sirets]) }, select: { id: true, siret: true } });
  }

  /** Venues known only from an imported file: applications to qualify (`pending`), without any user yet. One statement. */
  async insertPendingVenues(
    manager: EntityManager,
    venues: Pick<OrganisationEntity, 'name' | 'siret' | 'addressLine' | 'postalCode' | 'city' | 'communeInseeCode' | 'departementCode'>[],
  ): Promise<string[]> {
    return bulkInsert(
      manager,
      OrganisationEntity,
      venues.map((venue) => ({ ...venue, kind: 'venue' as const, qualificationStatus: 'pending' as const, active: true })),
    );
  }

  /** One statement for the whole chunk; ids in the order given. */
  async insertSites(manager: EntityManager, sites: Partial<VenueSiteEntity>[]): Promise<string[]> {
    return bulkInsert(manager, VenueSiteEntity, sites);
  }

  async updateSite(manager: EntityManager, siteId: string, values: Partial<VenueSiteEntity>): Promise<void> {
    await manager.update(VenueSiteEntity, { id: siteId }, values);
  }
}
