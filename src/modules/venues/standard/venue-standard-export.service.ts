import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { parisToday } from '../../../common/time/paris-time';
import type { VenueSiteEntity } from '../venue-site.entity';
import { slotsToOpeningHours } from '../opening-hours.rules';
import { VenuesRepository } from '../venues.repository';
import { type ServiceCategory, STANDARD_SERVICE_OF_CATEGORY } from '../service-category';
import { STANDARD_SERVICES } from './standard-columns';
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
    const venueIds = [...new Set(sites.map((site) => site.venueId))];
    const services = venueIds.length > 0 ? await this.venues.activeServicesOf(venueIds) : [];
    const categoriesOf = (venueId: string) => services.filter((service) => service.venueId === venueId).map((service) => service.category);
    return sites.map((site) => siteToStandardRecord(site, site.siret, categoriesOf(site.venueId)));
  }
}

/**
 * One site as a line of the standard. A site imported from a file keeps that file's `id` and `source`
 * (the national map recognises its own lines); a site registered here is identified by its own id.
 */
export function siteToStandardRecord(site: VenueSiteEntity, siret: string, catalogue: readonly ServiceCategory[]): StandardRecord {
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
    standardServices: site.standardServices.length > 0 ? site.standardServices : standardServicesOf(catalogue),
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

/** The standard's services a catalogue covers, in the standard's order. */
export function standardServicesOf(catalogue: readonly ServiceCategory[]): string[] {
  const covered = new Set(catalogue.map((category) => STANDARD_SERVICE_OF_CATEGORY[category]));
  return STANDARD_SERVICES.filter((service) => covered.has(service));
}
