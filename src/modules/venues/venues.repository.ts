import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import type { VenueQualificationStatus } from '../organisations/organisation-kind';
import type { ServiceCategory } from './service-category';
import { VenueQualificationEventEntity } from './venue-qualification-event.entity';
import { VenueServiceEntity } from './venue-service.entity';
import { VenueSiteEntity } from './venue-site.entity';

/** What a redemption needs to know about the venue, read in one round trip. */
export interface RedemptionVenueContext {
  id: string;
  qualificationStatus: VenueQualificationStatus;
  communeInseeCode: string | null;
  departementCode: string | null;
  services: { id: string; category: ServiceCategory; maxVouchers: number }[];
  sites: { id: string; name: string; communeInseeCode: string; departementCode: string }[];
}

export interface VenueFilter {
  qualificationStatus?: VenueQualificationStatus;
  departementCode?: string;
  limit: number;
  offset: number;
}

export interface DirectoryFilter {
  departementCode: string;
  /** Venues with a site in this commune come first. */
  communeInseeCode: string | null;
  limit: number;
  offset: number;
}

@Injectable()
export class VenuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insertSites(manager: EntityManager, venueId: string, sites: Partial<VenueSiteEntity>[]): Promise<VenueSiteEntity[]> {
    const repository = manager.getRepository(VenueSiteEntity);
    return repository.save(sites.map((site) => repository.create({ ...site, venueId })));
  }

  insertServices(manager: EntityManager, venueId: string, services: Partial<VenueServiceEntity>[]): Promise<VenueServiceEntity[]> {
    const repository = manager.getRepository(VenueServiceEntity);
    return repository.save(services.map((service) => repository.create({ ...service, venueId })));
  }

  findVenue(venueId: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { id: venueId, kind: 'venue' });
  }

  /** Locks the venue row: qualification decisions on one venue are taken one at a time. */
  lockVenue(manager: EntityManager, venueId: string): Promise<OrganisationEntity | null> {
    return manager.findOne(OrganisationEntity, { where: { id: venueId, kind: 'venue' }, lock: { mode: 'pessimistic_write' } });
  }

  async recordQualification(
    manager: EntityManager,
    event: Pick<
      VenueQualificationEventEntity,
      'venueId' | 'decision' | 'fromStatus' | 'toStatus' | 'reason' | 'decidedAt' | 'decidedByUserId'
    >,
  ): Promise<void> {
    await manager.update(
      OrganisationEntity,
      { id: event.venueId, kind: 'venue' },
      { qualificationStatus: event.toStatus, qualificationChangedAt: event.decidedAt },
    );
    await manager.insert(VenueQualificationEventEntity, event);
  }

  qualificationHistory(venueId: string, manager?: EntityManager): Promise<VenueQualificationEventEntity[]> {
    return this.manager(manager).find(VenueQualificationEventEntity, { where: { venueId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  sitesOf(venueId: string, manager?: EntityManager): Promise<VenueSiteEntity[]> {
    return this.manager(manager).find(VenueSiteEntity, { where: { venueId }, order: { createdAt: 'ASC', name: 'ASC', id: 'ASC' } });
  }

  servicesOf(venueId: string, manager?: EntityManager): Promise<VenueServiceEntity[]> {
    return this.manager(manager).find(VenueServiceEntity, { where: { venueId }, order: { createdAt: 'ASC', label: 'ASC', id: 'ASC' } });
  }

  findSiteOfVenue(manager: EntityManager, venueId: string, siteId: string): Promise<VenueSiteEntity | null> {
    return manager.findOne(VenueSiteEntity, { where: { id: siteId, venueId }, lock: { mode: 'pessimistic_write' } });
  }

  findServiceOfVenue(manager: EntityManager, venueId: string, serviceId: string): Promise<VenueServiceEntity | null> {
    return manager.findOne(VenueServiceEntity, { where: { id: serviceId, venueId }, lock: { mode: 'pessimistic_write' } });
  }

  async updateSite(manager: EntityManager, site: VenueSiteEntity, values: Partial<VenueSiteEntity>): Promise<VenueSiteEntity> {
    await manager.update(VenueSiteEntity, { id: site.id, venueId: site.venueId }, values);
    return manager.findOneByOrFail(VenueSiteEntity, { id: site.id, venueId: site.venueId });
  }

  async updateService(
    manager: EntityManager,
    service: VenueServiceEntity,
    values: Partial<VenueServiceEntity>,
  ): Promise<VenueServiceEntity> {
    await manager.update(VenueServiceEntity, { id: service.id, venueId: service.venueId }, values);
    return manager.findOneByOrFail(VenueServiceEntity, { id: service.id, venueId: service.venueId });
  }

  async deactivateSite(manager: EntityManager, site: VenueSiteEntity): Promise<void> {
    await manager.update(VenueSiteEntity, { id: site.id, venueId: site.venueId }, { active: false });
  }

  async deactivateService(manager: EntityManager, service: VenueServiceEntity): Promise<void> {
    await manager.update(VenueServiceEntity, { id: service.id, venueId: service.venueId }, { active: false });
  }

  async list(filter: VenueFilter): Promise<{ items: OrganisationEntity[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(OrganisationEntity, {
      where: {
        kind: 'venue',
        ...(filter.qualificationStatus ? { qualificationStatus: filter.qualificationStatus } : {}),
        ...(filter.departementCode ? { departementCode: filter.departementCode } : {}),
      },
      order: { qualificationChangedAt: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items, total };
  }

  /** Qualified, active venues with an active site in the département; those with a site in the commune first. */
  async directory(filter: DirectoryFilter): Promise<{ venues: { id: string; name: string }[]; total: number }> {
    const matching = `
      FROM organisations o
      JOIN venue_sites s ON s.venue_id = o.id AND s.active AND s.departement_code = $1
     WHERE o.kind = 'venue' AND o.active AND o.qualification_status = 'qualified'`;
    const [venues, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id, o.name, bool_or(s.commune_insee_code = $2) AS "inCommune" ${matching}
          GROUP BY o.id, o.name
          ORDER BY "inCommune" DESC, o.name ASC, o.id ASC
          LIMIT $3 OFFSET $4`,
        [filter.departementCode, filter.communeInseeCode, filter.limit, filter.offset],
      ),
      this.dataSource.query(`SELECT count(DISTINCT o.id)::int AS total ${matching}`, [filter.departementCode]),
    ]);
    return { venues, total };
  }

  /**
   * Active sites of active, qualified venues, each with its venue's SIRET and name: what the public sees
   * (the export in the standard, the search). `departementCodes` narrows it when given.
   */
  async publicSites(departementCodes?: readonly string[]): Promise<(VenueSiteEntity & { siret: string; venueName: string })[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(VenueSiteEntity, 's')
      .innerJoin(OrganisationEntity, 'o', `o.id = s.venue_id AND o.kind = 'venue' AND o.active AND o.qualification_status = 'qualified'`)
      .addSelect(['o.siret', 'o.name'])
      .where('s.active')
      .orderBy('o.name', 'ASC')
      .addOrderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (departementCodes) query.andWhere('s.departement_code = ANY(:departementCodes)', { departementCodes });
    const { entities, raw } = await query.getRawAndEntities<{ s_id: string; o_siret: string; o_name: string }>();
    const venueOf = new Map(raw.map((row) => [row.s_id, row]));
    return entities.map((site) => {
      const venue = venueOf.get(site.id);
      if (!venue) throw new Error(`Site ${site.id} came back without its venue's columns`);
      return { ...site, siret: venue.o_siret, venueName: venue.o_name };
    });
  }

  /** One public site, or null when it, or its venue, is not public (inactive, not qualified). */
  async publicSite(siteId: string): Promise<(VenueSiteEntity & { siret: string; venueName: string }) | null> {
    const site = await this.dataSource.manager.findOneBy(VenueSiteEntity, { id: siteId, active: true });
    if (!site) return null;
    const venue = await this.dataSource.manager.findOneBy(OrganisationEntity, {
      id: site.venueId,
      kind: 'venue',
      active: true,
      qualificationStatus: 'qualified',
    });
    if (!venue) return null;
    if (!venue.siret) throw new Error(`Venue ${venue.id} has no SIRET`);
    return { ...site, siret: venue.siret, venueName: venue.name };
  }

  activeSitesIn(venueIds: string[], departementCode: string): Promise<VenueSiteEntity[]> {
    return this.dataSource.manager.find(VenueSiteEntity, {
      where: { venueId: In(venueIds), active: true, departementCode },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  activeServicesOf(venueIds: string[]): Promise<VenueServiceEntity[]> {
    return this.dataSource.manager.find(VenueServiceEntity, {
      where: { venueId: In(venueIds), active: true },
      order: { category: 'ASC', label: 'ASC' },
    });
  }
}
