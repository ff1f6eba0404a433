import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { InvalidTransitionError, NotFoundError } from '../../common/errors/common-errors';
import { ValidationFailedError } from '../../common/errors/validation-failed.error';
import type { Page } from '../../common/http/pagination.query';
import { TransactionRunner } from '../../database/transaction-runner';
import type { OrganisationEntity } from '../organisations/organisation.entity';
import { departementOfCommune } from '../organisations/organisations.rules';
import type { CreateVenueDto } from '../organisations/dto/create-venue.dto';
import { type CreatedOrganisation, OrganisationsService } from '../organisations/organisations.service';
import { UnknownCommuneError } from '../communes/communes.errors';
import { findCommune } from '../communes/communes.rules';
import type { ApplyVenueDto } from './dto/apply-venue.dto';
import type { CreateVenueByAnctDto } from './dto/create-venue-by-anct.dto';
import type { CreateVenueServiceDto } from './dto/create-venue-service.dto';
import type { CreateVenueSiteDto } from './dto/create-venue-site.dto';
import type { UpdateVenueSiteDto } from './dto/update-venue-site.dto';
import type { ListVenuesQuery } from './dto/list-venues.query';
import type { PublicVenuesQuery } from './dto/public-venues.query';
import type { QualificationDecisionDto } from './dto/qualification-decision.dto';
import type { OpeningSlot } from './opening-hours';
import { SERVICE_CATEGORY_LABELS } from './service-category';
import type { VenueQualificationEventEntity } from './venue-qualification-event.entity';
import type { VenueServiceEntity } from './venue-service.entity';
import type { VenueSiteEntity } from './venue-site.entity';
import { openingHoursProblem } from './opening-hours.rules';
import { openingHoursProblems, QUALIFICATION_TRANSITIONS, qualificationAfter } from './venues.rules';
import { VenuesRepository } from './venues.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { qualificationDecidedMail } from '../notifications/notification-messages';
import { WEB_PATHS } from '../../web/web-paths';

export interface VenueProfile {
  id: string;
  name: string;
  siret: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  communeInseeCode: string | null;
  departementCode: string | null;
  qualificationStatus: string | null;
  qualificationChangedAt: Date | null;
  sites: VenueSiteEntity[];
  services: VenueServiceEntity[];
  qualificationHistory: Omit<VenueQualificationEventEntity, 'venue'>[];
}

/** Where an invitation was e-mailed, without its link: what an anonymous caller may be told. */
export interface SentInvitation {
  email: string;
  expiresAt: Date;
}

export interface VenueApplication {
  venue: VenueProfile;
  adminInvitation: SentInvitation;
}

export interface PublicVenue {
  id: string;
  name: string;
  sites: Pick<
    VenueSiteEntity,
    'id' | 'name' | 'addressLine' | 'postalCode' | 'city' | 'communeInseeCode' | 'openingHours' | 'accessibilityNotes'
  >[];
  services: (Pick<VenueServiceEntity, 'label' | 'category' | 'durationMinutes' | 'maxVouchers'> & { categoryLabel: string })[];
}

@Injectable()
export class VenuesService {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly venues: VenuesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Public: a venue applies without an account. Its first administrator is invited (as for an ANCT-created
   * venue) and can prepare its sites and services, but redeems nothing until ANCT qualifies it. The invitation
   * reaches them by e-mail only: anyone may apply with anyone's address, so the answer must not carry the link,
   * or the applicant would take over the account of a mailbox they never read.
   */
  async apply(dto: ApplyVenueDto): Promise<VenueApplication> {
    const sites: CreateVenueSiteDto[] = [seatSite(dto), ...(dto.additionalSites ?? [])];
    sites.forEach((site, index) =>
      assertValidOpeningHours(
        site.openingHours,
        index === 0 ? 'openingHours' : `additionalSites.${index - 1}.openingHours`,
        site.openingHoursOsm,
      ),
    );
    sites.forEach((site, index) =>
      assertKnownCommune(site.communeInseeCode, index === 0 ? 'communeInseeCode' : `additionalSites.${index - 1}.communeInseeCode`),
    );
    return this.organisations.createInTransaction(async (manager) => {
      const { organisation, adminInvitation } = await this.organisations.registerVenue(manager, dto);
      const savedSites = await this.venues.insertSites(manager, organisation.id, sites.map(toSiteValues));
      const savedServices = await this.venues.insertServices(manager, organisation.id, dto.services.map(toServiceValues));
      await this.audit.record(manager, {
        action: 'venue.applied',
        objectType: 'organisation',
        objectId: organisation.id,
        objectOrganisationId: organisation.id,
        after: { sites: savedSites.map((site) => site.id), services: savedServices.map((service) => service.id) },
      });
      // registerVenue always invites the first administrator given in the application.
      if (!adminInvitation) throw new Error(`Venue ${organisation.id} was registered without its administrator's invitation`);
      return {
        venue: await this.profileOf(organisation, manager),
        adminInvitation: { email: adminInvitation.user.email, expiresAt: adminInvitation.invitationExpiresAt },
      };
    });
  }

  /**
   * ANCT registers a venue. The same rule as an application: its seat is its first site, so once
   * qualified it is in the public directory as well as on printed carnets.
   */
  async createByAnct(dto: CreateVenueByAnctDto): Promise<CreatedOrganisation> {
    const seat = seatSite(dto);
    assertValidOpeningHours(seat.openingHours, 'openingHours');
    return this.organisations.createInTransaction(async (manager) => {
      const created = await this.organisations.registerVenue(manager, dto);
      const values = toSiteValues(seat);
      const [site] = await this.venues.insertSites(manager, created.organisation.id, [values]);
      await this.audit.record(manager, {
        action: 'venue_site.created',
        objectType: 'venue_site',
        objectId: site.id,
        objectOrganisationId: created.organisation.id,
        after: values as Record<string, unknown>,
      });
      return created;
    });
  }

  async list(query: ListVenuesQuery): Promise<Page<OrganisationEntity>> {
    const { items, total } = await this.venues.list(query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(actor: Actor, venueId: string): Promise<VenueProfile> {
    return this.profileOf(await this.visibleVenue(actor, venueId));
  }

  async decide(venueId: string, dto: QualificationDecisionDto, decidedByUserId: string | null): Promise<VenueProfile> {
    return this.transactions.run(async (manager) => {
      const venue = await this.venues.lockVenue(manager, venueId);
      if (!venue) throw new NotFoundError('Venue');
      const current = venue.qualificationStatus;
      if (!current) throw new Error(`Venue ${venueId} has no qualification status`);
      const next = qualificationAfter(current, dto.decision);
      if (!next) throw new InvalidTransitionError('venue', current, dto.decision);
      const reason = dto.reason?.trim() || null;
      if (QUALIFICATION_TRANSITIONS[dto.decision].reasonRequired && !reason) {
        throw new ValidationFailedError([{ field: 'reason', problems: [`a reason is required to ${dto.decision} a venue`] }]);
      }
      const decidedAt = new Date();
      await this.venues.recordQualification(manager, {
        venueId,
        decision: dto.decision,
        fromStatus: current,
        toStatus: next,
        reason,
        decidedAt,
        decidedByUserId,
      });
      await this.audit.record(manager, {
        action: `venue.${next}`,
        objectType: 'organisation',
        objectId: venueId,
        objectOrganisationId: venueId,
        before: { qualificationStatus: current },
        after: { qualificationStatus: next, reason, decidedAt: decidedAt.toISOString() },
      });
      await this.notifications.notifyOrganisations(manager, {
        kind: 'qualification_decided',
        eventKey: `venue.qualification:${venueId}:${decidedAt.toISOString()}`,
        organisations: [venueId],
        content: qualificationDecidedMail({
          venueName: venue.name,
          status: next,
          reason,
          url: this.notifications.link(WEB_PATHS.venueHome),
        }),
      });
      return this.profileOf({ ...venue, qualificationStatus: next, qualificationChangedAt: decidedAt }, manager);
    });
  }

  async addSite(actor: Actor, venueId: string, dto: CreateVenueSiteDto): Promise<VenueSiteEntity> {
    assertValidOpeningHours(dto.openingHours, 'openingHours', dto.openingHoursOsm);
    assertKnownCommune(dto.communeInseeCode, 'communeInseeCode');
    await this.visibleVenue(actor, venueId);
    return this.transactions.run(async (manager) => {
      const values = toSiteValues(dto);
      const [site] = await this.venues.insertSites(manager, venueId, [values]);
      await this.audit.record(manager, {
        action: 'venue_site.created',
        objectType: 'venue_site',
        objectId: site.id,
        objectOrganisationId: venueId,
        after: values as Record<string, unknown>,
      });
      return site;
    });
  }

  /**
   * The venue's administrator (or ANCT) corrects a site: the whole site as the form sends it, checked as at
   * creation. The public search and the export read it at once; the change is audited before/after.
   */
  async updateSite(actor: Actor, venueId: string, siteId: string, dto: UpdateVenueSiteDto): Promise<VenueSiteEntity> {
    assertValidOpeningHours(dto.openingHours, 'openingHours', dto.openingHoursOsm);
    assertKnownCommune(dto.communeInseeCode, 'communeInseeCode');
    await this.visibleVenue(actor, venueId);
    return this.transactions.run(async (manager) => {
      const site = await this.venues.findSiteOfVenue(manager, venueId, siteId);
      if (!site) throw new NotFoundError('Site');
      const values: Partial<VenueSiteEntity> = {
        ...toSiteValues(dto),
        ...(dto.acceptsPassNumerique === undefined ? {} : { acceptsPassNumerique: dto.acceptsPassNumerique }),
      };
      const changed = changedFields(site, values);
      if (Object.keys(changed.after).length === 0) return site;
      const updated = await this.venues.updateSite(manager, site, values);
      await this.audit.record(manager, {
        action: 'venue_site.updated',
        objectType: 'venue_site',
        objectId: site.id,
        objectOrganisationId: venueId,
        before: changed.before,
        after: changed.after,
      });
      return updated;
    });
  }

  deactivateSite(actor: Actor, venueId: string, siteId: string): Promise<VenueSiteEntity> {
    return this.deactivate(actor, venueId, 'site', {
      find: (manager) => this.venues.findSiteOfVenue(manager, venueId, siteId),
      deactivate: (manager, site) => this.venues.deactivateSite(manager, site),
    });
  }

  async addService(actor: Actor, venueId: string, dto: CreateVenueServiceDto): Promise<VenueServiceEntity> {
    await this.visibleVenue(actor, venueId);
    return this.transactions.run(async (manager) => {
      const values = toServiceValues(dto);
      const [service] = await this.venues.insertServices(manager, venueId, [values]);
      await this.audit.record(manager, {
        action: 'venue_service.created',
        objectType: 'venue_service',
        objectId: service.id,
        objectOrganisationId: venueId,
        after: values as Record<string, unknown>,
      });
      return service;
    });
  }

  /** The venue's administrator (or ANCT) corrects a service; redemptions already made keep what they were. */
  async updateService(actor: Actor, venueId: string, serviceId: string, dto: CreateVenueServiceDto): Promise<VenueServiceEntity> {
    await this.visibleVenue(actor, venueId);
    return this.transactions.run(async (manager) => {
      const service = await this.venues.findServiceOfVenue(manager, venueId, serviceId);
      if (!service) throw new NotFoundError('Service');
      const values = toServiceValues(dto);
      const changed = changedFields(service, values);
      if (Object.keys(changed.after).length === 0) return service;
      const updated = await this.venues.updateService(manager, service, values);
      await this.audit.record(manager, {
        action: 'venue_service.updated',
        objectType: 'venue_service',
        objectId: service.id,
        objectOrganisationId: venueId,
        before: changed.before,
        after: changed.after,
      });
      return updated;
    });
  }

  deactivateService(actor: Actor, venueId: string, serviceId: string): Promise<VenueServiceEntity> {
    return this.deactivate(actor, venueId, 'service', {
      find: (manager) => this.venues.findServiceOfVenue(manager, venueId, serviceId),
      deactivate: (manager, service) => this.venues.deactivateService(manager, service),
    });
  }

  /** A site or a service is deactivated, never deleted: redemptions and statements still name it. */
  private async deactivate<Row extends { id: string; active: boolean }>(
    actor: Actor,
    venueId: string,
    kind: 'site' | 'service',
    rows: { find: (manager: EntityManager) => Promise<Row | null>; deactivate: (manager: EntityManager, row: Row) => Promise<void> },
  ): Promise<Row> {
    await this.visibleVenue(actor, venueId);
    return this.transactions.run(async (manager) => {
      const row = await rows.find(manager);
      if (!row) throw new NotFoundError(kind === 'site' ? 'Site' : 'Service');
      if (!row.active) throw new InvalidTransitionError(kind, 'inactive', 'deactivate');
      await rows.deactivate(manager, row);
      await this.audit.record(manager, {
        action: `venue_${kind}.deactivated`,
        objectType: `venue_${kind}`,
        objectId: row.id,
        objectOrganisationId: venueId,
        before: { active: true },
        after: { active: false },
      });
      return { ...row, active: false };
    });
  }

  /**
   * For beneficiaries and printed carnets. Without geographic data, "near a commune" means: venues of
   * the commune's département, those with a site in the commune first.
   */
  async directory(query: PublicVenuesQuery): Promise<Page<PublicVenue>> {
    if (Boolean(query.communeInseeCode) === Boolean(query.departementCode)) {
      throw new ValidationFailedError([
        { field: 'communeInseeCode', problems: ['give exactly one of communeInseeCode and departementCode'] },
      ]);
    }
    const departementCode = query.communeInseeCode ? departementOfCommune(query.communeInseeCode) : query.departementCode;
    if (!departementCode) throw new Error('A directory query names a commune or a département (checked above)');
    const { venues, total } = await this.venues.directory({
      departementCode,
      communeInseeCode: query.communeInseeCode ?? null,
      limit: query.limit,
      offset: query.offset,
    });
    const ids = venues.map((venue) => venue.id);
    const [sites, services] =
      ids.length > 0 ? await Promise.all([this.venues.activeSitesIn(ids, departementCode), this.venues.activeServicesOf(ids)]) : [[], []];
    const items = venues.map((venue) => ({
      id: venue.id,
      name: venue.name,
      sites: sites
        .filter((site) => site.venueId === venue.id)
        .sort((a, b) => Number(b.communeInseeCode === query.communeInseeCode) - Number(a.communeInseeCode === query.communeInseeCode))
        .map(({ id, name, addressLine, postalCode, city, communeInseeCode, openingHours, accessibilityNotes }) => ({
          id,
          name,
          addressLine,
          postalCode,
          city,
          communeInseeCode,
          openingHours,
          accessibilityNotes,
        })),
      services: services
        .filter((service) => service.venueId === venue.id)
        .map(({ label, category, durationMinutes, maxVouchers }) => ({
          label,
          category,
          categoryLabel: SERVICE_CATEGORY_LABELS[category],
          durationMinutes,
          maxVouchers,
        })),
    }));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** ANCT sees every venue; a venue agent only its own (another venue answers 404, like a missing one). */
  private async visibleVenue(actor: Actor, venueId: string): Promise<OrganisationEntity> {
    const visible = actor.organisationKind === 'anct' || actor.organisationId === venueId;
    const venue = visible ? await this.venues.findVenue(venueId) : null;
    if (!venue) throw new NotFoundError('Venue');
    return venue;
  }

  private async profileOf(venue: OrganisationEntity, manager?: EntityManager): Promise<VenueProfile> {
    // One after the other: inside a transaction the three queries share one connection.
    const sites = await this.venues.sitesOf(venue.id, manager);
    const services = await this.venues.servicesOf(venue.id, manager);
    const history = await this.venues.qualificationHistory(venue.id, manager);
    return {
      id: venue.id,
      name: venue.name,
      siret: venue.siret,
      addressLine: venue.addressLine,
      postalCode: venue.postalCode,
      city: venue.city,
      communeInseeCode: venue.communeInseeCode,
      departementCode: venue.departementCode,
      qualificationStatus: venue.qualificationStatus,
      qualificationChangedAt: venue.qualificationChangedAt,
      sites,
      services,
      qualificationHistory: history,
    };
  }
}

function assertValidOpeningHours(slots: OpeningSlot[], field: string, osm?: string): void {
  const problems = openingHoursProblems(slots);
  if (problems.length > 0) throw new ValidationFailedError([{ field, problems }]);
  const osmProblem = osm ? openingHoursProblem(osm) : null;
  if (osmProblem) throw new ValidationFailedError([{ field: field.replace(/openingHours$/, 'openingHoursOsm'), problems: [osmProblem] }]);
}

/** A site's commune must be in the official list (current communes and municipal arrondissements). */
function assertKnownCommune(inseeCode: string, field: string): void {
  if (!findCommune(inseeCode)) throw new UnknownCommuneError(field, `code INSEE « ${inseeCode} »`);
}

/** A venue's own name and address, with its opening hours, are its first site (its seat): for applications and ANCT registrations alike. */
export function seatSite(dto: CreateVenueDto & Partial<CreateVenueSiteDto>): CreateVenueSiteDto {
  return {
    // What the standard says of the seat (hours in OSM syntax, services, publics…) comes with it.
    ...dto,
    name: dto.name,
    addressLine: dto.addressLine,
    postalCode: dto.postalCode,
    city: dto.city,
    communeInseeCode: dto.communeInseeCode,
    openingHours: dto.openingHours ?? [],
    accessibilityNotes: dto.accessibilityNotes,
  };
}

function toSiteValues(dto: CreateVenueSiteDto): Partial<VenueSiteEntity> {
  return {
    name: dto.name,
    addressLine: dto.addressLine,
    postalCode: dto.postalCode,
    city: dto.city,
    communeInseeCode: dto.communeInseeCode,
    departementCode: departementOfCommune(dto.communeInseeCode),
    openingHours: dto.openingHours.map(({ day, opens, closes }) => ({ day, opens, closes })),
    accessibilityNotes: dto.accessibilityNotes ?? null,
    openingHoursOsm: dto.openingHoursOsm ?? null,
    standardServices: dto.standardServices ?? [],
    publics: dto.publics ?? [],
    specificSupport: dto.specificSupport ?? [],
    fees: dto.fees ?? [],
    accessModes: dto.accessModes ?? [],
    supportModes: dto.supportModes ?? [],
    phone: dto.phone ?? null,
    latitude: dto.latitude ?? null,
    longitude: dto.longitude ?? null,
    acceslibreUrl: dto.acceslibreUrl ?? null,
    appointmentUrl: dto.appointmentUrl ?? null,
    addressComplement: dto.addressComplement ?? null,
    summary: dto.summary ?? null,
    description: dto.description ?? null,
    emails: dto.emails ?? [],
    websites: dto.websites ?? [],
  };
}

/** The fields `values` changes in `row`, before and after (for the audit trail); none when the edit changes nothing. */
function changedFields<Row extends object>(
  row: Row,
  values: Partial<Row>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const current = (row as Record<string, unknown>)[field];
    if (JSON.stringify(current) !== JSON.stringify(value)) {
      before[field] = current;
      after[field] = value;
    }
  }
  return { before, after };
}

function toServiceValues(dto: CreateVenueServiceDto): Partial<VenueServiceEntity> {
  return { label: dto.label, category: dto.category, durationMinutes: dto.durationMinutes, maxVouchers: dto.maxVouchers ?? 1 };
}
