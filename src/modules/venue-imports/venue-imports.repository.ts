import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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

  async insertRun(values: Pick<VenueImportRunEntity, 'format' | 'fileName' | 'content' | 'totalLines' | 'requestedByUserId'>): Promise<VenueImportRunView> {
    const [row] = await this.dataSource.manager.insert(VenueImportRunEntity, values).then((result) => result.identifiers);
    return (await this.findRun(row.id as string))!;
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

  /** The site imported earlier from the line with this `id` + `source` (the empty string for no source). */
  findImportedSite(manager: EntityManager, externalSource: string, externalId: string): Promise<VenueSiteEntity | null> {
    return manager.findOneBy(VenueSiteEntity, { externalSource, externalId });
  }

  /** A site registered here, exported with its own id and our source, and now imported back. */
  findOwnSite(manager: EntityManager, siteId: string): Promise<VenueSiteEntity | null> {
    return /^[0-9a-f-]{36}$/i.test(siteId) ? manager.findOneBy(VenueSiteEntity, { id: siteId }) : Promise.resolve(null);
  }

  findVenueBySiret(manager: EntityManager, siret: string): Promise<OrganisationEntity | null> {
    return manager.findOneBy(OrganisationEntity, { kind: 'venue', siret });
  }

  /** A venue known only from an imported file: an application to qualify (`pending`), without any user yet. */
  async insertPendingVenue(manager: EntityManager, values: Pick<OrganisationEntity, 'name' | 'siret' | 'addressLine' | 'postalCode' | 'city' | 'communeInseeCode' | 'departementCode'>): Promise<string> {
    const result = await manager.insert(OrganisationEntity, { ...values, kind: 'venue', qualificationStatus: 'pending', active: true });
    return result.identifiers[0].id as string;
  }

  async insertSite(manager: EntityManager, values: Partial<VenueSiteEntity>): Promise<string> {
    const result = await manager.insert(VenueSiteEntity, values);
    return result.identifiers[0].id as string;
  }

  async updateSite(manager: EntityManager, siteId: string, values: Partial<VenueSiteEntity>): Promise<void> {
    await manager.update(VenueSiteEntity, { id: siteId }, values);
  }
}
