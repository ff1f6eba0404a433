import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { parisToday } from '../../../common/time/paris-time';
import type { VenueSiteEntity } from '../venue-site.entity';
import { slotsToOpeningHours } from '../opening-hours.rules';
import { VenuesRepository } from '../venues.repository';
import { standardFileName } from './standard-columns';
import { writeStandardCsv, toStandardJson } from './standard-csv';
import { type StandardRecord, toStandardRecord } from './standard-lieu.rules';

/** Named as `source` for the sites registered here rather than imported. */
export const OWN_SOURCE = 'Pass numérique';
const TERRITORY = 'France';

export interface StandardExport {
  fileName: string;
  body: string;
}

/** The qualified venues' sites, as the national standard describes them (public, no login). */
@Injectable()
export class VenueStandardExportService {
  constructor(
    private readonly config: AppConfig,
    private readonly venues: VenuesRepository,
  ) {}

  async csv(now = new Date()): Promise<StandardExport> {
    return { fileName: this.fileName(now, 'csv'), body: writeStandardCsv(await this.records()) };
  }

  async json(now = new Date()): Promise<StandardExport> {
    const records = await this.records();
    return { fileName: this.fileName(now, 'json'), body: JSON.stringify(records.map(toStandardJson)) };
  }

  private fileName(now: Date, extension: 'csv' | 'json'): string {
    return standardFileName(parisToday(now), this.config.STANDARD_EXPORT_PRODUCER_SIRET, TERRITORY, extension);
  }

  private async records(): Promise<StandardRecord[]> {
    const sites = await this.venues.publicSites();
    return sites.map((site) => siteToStandardRecord(site, site.siret));
  }
}

/**
 * One site as a line of the standard. A site imported from a file keeps that file's `id` and `source`
 * (the national map recognises its own lines); a site registered here is identified by its own id.
 */
export function siteToStandardRecord(site: VenueSiteEntity, siret: string): StandardRecord {
  return toStandardRecord({
    externalId: site.externalId ?? site.id,
    siret,
    name: site.name,
    city: site.city,
    postalCode: site.postalCode,
    communeInseeCode: site.communeInseeCode,
    addressLine: site.addressLine,
    addressComplement: site.addressComplement,
    latitude: site.latitude,
    longitude: site.longitude,
    typologies: site.typologies,
    phone: site.phone,
    emails: site.emails,
    websites: site.websites,
    openingHoursOsm: site.openingHoursOsm ?? slotsToOpeningHours(site.openingHours),
    summary: site.summary,
    description: site.description,
    externalSource: site.externalId ? site.externalSource || null : OWN_SOURCE,
    itinerance: site.itinerance,
    parentStructure: site.parentStructure,
    sourceUpdatedOn: parisToday(site.updatedAt),
    standardServices: site.standardServices,
    publics: site.publics,
    specificSupport: site.specificSupport,
    fees: site.fees,
    nationalProgrammes: site.nationalProgrammes,
    labels: site.labels,
    otherLabels: site.otherLabels,
    accessModes: site.accessModes,
    supportModes: site.supportModes,
    acceslibreUrl: site.acceslibreUrl,
    appointmentUrl: site.appointmentUrl,
  });
}
