import { ApiProperty } from '@nestjs/swagger';
import { VENUE_QUALIFICATION_STATUSES, type VenueQualificationStatus } from '../../organisations/organisation-kind';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../service-category';
import { OpeningSlotDto } from './opening-slot.dto';
import { PublicSiteFieldsDto } from './public-site-fields.dto';

/** A site as its venue (and the ANCT) reads it: the public fields, the weekly slots, the standard's services and the presentation. */
export class VenueSiteDto extends PublicSiteFieldsDto {
  @ApiProperty({ type: () => [OpeningSlotDto] })
  openingHours: OpeningSlotDto[];

  @ApiProperty({ type: 'boolean' })
  active: boolean;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;

  // What the national standard describes (see docs/venue-standard.md); the site's form edits them.

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Mo-Fr 09:00-12:00,14:00-18:30',
    description: 'OSM opening_hours syntax; null: the weekly slots are the hours.',
  })
  openingHoursOsm: string | null;

  @ApiProperty({ type: [String] })
  standardServices: string[];

  @ApiProperty({ type: 'string', nullable: true })
  summary: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;
}

export class VenueServiceDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', example: 'Atelier « premiers pas sur smartphone »' })
  label: string;

  @ApiProperty({ type: 'string', enum: SERVICE_CATEGORIES })
  category: ServiceCategory;

  @ApiProperty({ type: 'integer', example: 120 })
  durationMinutes: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Chèques one session takes at most.' })
  maxVouchers: number;

  @ApiProperty({ type: 'boolean' })
  active: boolean;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
}

export class QualificationEventDto {
  @ApiProperty({ type: 'string' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', example: 'qualify' })
  decision: string;

  @ApiProperty({ type: 'string', enum: VENUE_QUALIFICATION_STATUSES })
  fromStatus: VenueQualificationStatus;

  @ApiProperty({ type: 'string', enum: VENUE_QUALIFICATION_STATUSES })
  toStatus: VenueQualificationStatus;

  @ApiProperty({ type: 'string', nullable: true })
  reason: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  decidedAt: Date;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  decidedByUserId: string | null;
}

/** A venue with its sites, services and qualification history. */
export class VenueProfileDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string' })
  name: string;

  @ApiProperty({ type: 'string', nullable: true })
  siret: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  addressLine: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  postalCode: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  communeInseeCode: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  departementCode: string | null;

  @ApiProperty({ type: 'string', enum: VENUE_QUALIFICATION_STATUSES, nullable: true })
  qualificationStatus: VenueQualificationStatus | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  qualificationChangedAt: Date | null;

  @ApiProperty({ type: () => [VenueSiteDto] })
  sites: VenueSiteDto[];

  @ApiProperty({ type: () => [VenueServiceDto] })
  services: VenueServiceDto[];

  @ApiProperty({ type: () => [QualificationEventDto] })
  qualificationHistory: QualificationEventDto[];
}

/** Where the first administrator's invitation went. Its link is e-mailed to that address and never answered here. */
export class SentInvitationDto {
  @ApiProperty({ type: 'string', format: 'email', example: 'camille@epn-guillotiere.fr' })
  email: string;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'Until when the e-mailed link works (once).' })
  expiresAt: Date;
}

/** An application received: the venue, pending qualification, and the address its invitation was e-mailed to. */
export class VenueApplicationDto {
  @ApiProperty({ type: () => VenueProfileDto })
  venue: VenueProfileDto;

  @ApiProperty({ type: () => SentInvitationDto })
  adminInvitation: SentInvitationDto;
}

export class DirectoryVenueSiteDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string' })
  name: string;

  @ApiProperty({ type: 'string' })
  addressLine: string;

  @ApiProperty({ type: 'string' })
  postalCode: string;

  @ApiProperty({ type: 'string' })
  city: string;

  @ApiProperty({ type: 'string' })
  communeInseeCode: string;

  @ApiProperty({ type: () => [OpeningSlotDto] })
  openingHours: OpeningSlotDto[];

  @ApiProperty({ type: 'string', nullable: true })
  accessibilityNotes: string | null;
}

export class PublicVenueServiceDto {
  @ApiProperty({ type: 'string' })
  label: string;

  @ApiProperty({ type: 'string', enum: SERVICE_CATEGORIES })
  category: ServiceCategory;

  @ApiProperty({ type: 'string', example: 'Atelier collectif', description: 'The category, in French.' })
  categoryLabel: string;

  @ApiProperty({ type: 'integer' })
  durationMinutes: number;

  @ApiProperty({ type: 'integer' })
  maxVouchers: number;
}

/** A qualified venue where chèques can be used, for beneficiaries and prescribers. */
export class PublicVenueDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string' })
  name: string;

  @ApiProperty({ type: () => [DirectoryVenueSiteDto] })
  sites: DirectoryVenueSiteDto[];

  @ApiProperty({ type: () => [PublicVenueServiceDto] })
  services: PublicVenueServiceDto[];
}
