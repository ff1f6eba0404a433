import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/common-errors';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import type { Page } from '../../common/http/pagination.query';
import { UnknownCommuneError } from '../communes/communes.errors';
import { communesOfPostalCode, findCommune, searchCommunes } from '../communes/communes.rules';
import type { PublicVenueSiteDetailDto, PublicVenueSiteDto } from './dto/public-venue-site.dto';
import type { SearchVenueSitesQuery } from './dto/search-venue-sites.query';
import { openingStateAt, slotsToOpeningHours, weekOpeningHours } from './opening-hours.rules';
import { SERVICE_CATEGORY_LABELS } from './service-category';
import { standardServicesOf } from './standard/venue-standard-export.service';
import type { VenueServiceEntity } from './venue-service.entity';
import type { VenueSiteEntity } from './venue-site.entity';
import { matchesFilters, nearestFirst, type SearchOrigin } from './venue-search.rules';
import { VenuesRepository } from './venues.repository';

/** "Find a venue", for beneficiaries and the people who help them (no login). */
@Injectable()
export class VenueSearchService {
  constructor(private readonly venues: VenuesRepository) {}

  async search(query: SearchVenueSitesQuery, now = new Date()): Promise<Page<PublicVenueSiteDto>> {
    const where = [query.q, query.communeInseeCode, query.postalCode, query.departementCode].filter((value) => value !== undefined);
    if (where.length !== 1) {
      throw new ValidationFailedError([
        { field: 'q', problems: ['give exactly one of q, communeInseeCode, postalCode and departementCode'] },
      ]);
    }
    if ((query.latitude === undefined) !== (query.longitude === undefined)) {
      throw new ValidationFailedError([{ field: 'latitude', problems: ['give both latitude and longitude, or neither'] }]);
    }
    const origin = this.originOf(query);
    const sites = await this.venues.publicSites(origin.departementCodes);
    const catalogue = await this.catalogueOf(sites);
    const described = sites.map((site) => describe(site, catalogue.get(site.venueId) ?? [], now));
    const matching = described.filter((site) => matchesFilters(site, query));
    const ordered = nearestFirst(matching, {
      point:
        query.latitude !== undefined && query.longitude !== undefined ? { latitude: query.latitude, longitude: query.longitude } : null,
      communeInseeCode: origin.communeInseeCode,
      postalCode: origin.postalCode,
    });
    return {
      items: ordered.slice(query.offset, query.offset + query.limit),
      total: ordered.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async detail(siteId: string, now = new Date()): Promise<PublicVenueSiteDetailDto> {
    const site = await this.venues.publicSite(siteId);
    if (!site) throw new NotFoundError('Venue site');
    const catalogue = await this.catalogueOf([site]);
    const hours = site.openingHoursOsm ?? slotsToOpeningHours(site.openingHours);
    return {
      ...describe(site, catalogue.get(site.venueId) ?? [], now),
      distanceKm: null,
      summary: site.summary,
      description: site.description,
      week: hours ? weekOpeningHours(hours, now) : [],
    };
  }

  /** The département(s) to look in, and the commune and postcode the search names (for ordering). */
  private originOf(query: SearchVenueSitesQuery): Omit<SearchOrigin, 'point'> & { departementCodes: string[] } {
    if (query.departementCode) return { departementCodes: [query.departementCode], communeInseeCode: null, postalCode: null };
    if (query.communeInseeCode) {
      const commune = findCommune(query.communeInseeCode);
      if (!commune) throw new UnknownCommuneError('communeInseeCode', `code INSEE « ${query.communeInseeCode} »`);
      return {
        departementCodes: [commune.departementCode],
        communeInseeCode: commune.inseeCode,
        postalCode: commune.postalCodes[0] ?? null,
      };
    }
    if (query.postalCode) {
      const communes = communesOfPostalCode(query.postalCode);
      if (communes.length === 0) throw new UnknownCommuneError('postalCode', `code postal « ${query.postalCode} »`);
      return {
        departementCodes: [...new Set(communes.map((c) => c.departementCode))],
        communeInseeCode: communes[0].inseeCode,
        postalCode: query.postalCode,
      };
    }
    // search() has checked that exactly one of the four is given: here it is q.
    const { q } = query;
    if (q === undefined) throw new Error('A search names q, a commune, a postcode or a département');
    const [commune] = searchCommunes(q, 1);
    if (!commune) throw new UnknownCommuneError('q', `« ${q} »`);
    const postalCode = /^\d{5}$/.test(q.trim()) ? q.trim() : (commune.postalCodes[0] ?? null);
    return { departementCodes: [commune.departementCode], communeInseeCode: commune.inseeCode, postalCode };
  }

  private async catalogueOf(sites: readonly VenueSiteEntity[]): Promise<Map<string, VenueServiceEntity[]>> {
    const venueIds = [...new Set(sites.map((site) => site.venueId))];
    const services = venueIds.length > 0 ? await this.venues.activeServicesOf(venueIds) : [];
    const byVenue = new Map<string, VenueServiceEntity[]>();
    for (const service of services) byVenue.set(service.venueId, [...(byVenue.get(service.venueId) ?? []), service]);
    return byVenue;
  }
}

function describe(site: VenueSiteEntity & { venueName: string }, catalogue: VenueServiceEntity[], now: Date): PublicVenueSiteDto {
  const hours = site.openingHoursOsm ?? slotsToOpeningHours(site.openingHours);
  const state = hours ? openingStateAt(hours, now) : null;
  return {
    id: site.id,
    venueId: site.venueId,
    venueName: site.venueName,
    name: site.name,
    addressLine: site.addressLine,
    addressComplement: site.addressComplement,
    postalCode: site.postalCode,
    city: site.city,
    communeInseeCode: site.communeInseeCode,
    departementCode: site.departementCode,
    latitude: site.latitude,
    longitude: site.longitude,
    distanceKm: null,
    openingHours: hours,
    openNow: state?.openNow ?? null,
    openingStatus: state?.text ?? null,
    services: site.standardServices.length > 0 ? site.standardServices : standardServicesOf(catalogue.map((service) => service.category)),
    publics: site.publics,
    specificSupport: site.specificSupport,
    fees: site.fees,
    accessModes: site.accessModes,
    supportModes: site.supportModes,
    phone: site.phone,
    emails: site.emails,
    websites: site.websites,
    appointmentUrl: site.appointmentUrl,
    acceslibreUrl: site.acceslibreUrl,
    accessibilityNotes: site.accessibilityNotes,
    acceptsPassNumerique: site.acceptsPassNumerique,
    passServices: site.acceptsPassNumerique
      ? catalogue.map(({ label, category, durationMinutes, maxVouchers }) => ({
          label,
          category,
          categoryLabel: SERVICE_CATEGORY_LABELS[category],
          durationMinutes,
          maxVouchers,
        }))
      : [],
  };
}
