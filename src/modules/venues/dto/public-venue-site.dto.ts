import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_CATEGORIES } from '../service-category';

export class PassServiceDto {
  @ApiProperty({ type: 'string', example: 'Démarches CAF et impôts' })
  label: string;

  @ApiProperty({ type: 'string', enum: SERVICE_CATEGORIES })
  category: string;

  @ApiProperty({ type: 'string', example: 'Démarches administratives en ligne' })
  categoryLabel: string;

  @ApiProperty({ type: 'integer', example: 120 })
  durationMinutes: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'How many chèques one session takes at most.' })
  maxVouchers: number;
}

export class DayOpeningHoursDto {
  @ApiProperty({ type: 'string', example: 'lundi' })
  day: string;

  @ApiProperty({ type: 'string', example: '9 h – 12 h, 14 h – 18 h 30' })
  hours: string;
}

export class PublicVenueSiteDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', example: 'Espace public numérique de la Guillotière' })
  venueName: string;

  @ApiProperty({ type: 'string' })
  name: string;

  @ApiProperty({ type: 'string' })
  addressLine: string;

  @ApiProperty({ type: 'string', nullable: true })
  addressComplement: string | null;

  @ApiProperty({ type: 'string' })
  postalCode: string;

  @ApiProperty({ type: 'string' })
  city: string;

  @ApiProperty({ type: 'string' })
  communeInseeCode: string;

  @ApiProperty({ type: 'string' })
  departementCode: string;

  @ApiProperty({ type: 'number', nullable: true })
  latitude: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  longitude: number | null;

  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 1.2,
    description: 'From the person’s position, or from the searched commune’s sites.',
  })
  distanceKm: number | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'Mo-Fr 09:00-12:00,14:00-18:30', description: 'OSM opening_hours syntax.' })
  openingHours: string | null;

  @ApiProperty({ type: 'boolean', nullable: true, description: 'Null when the site gives no hours.' })
  openNow: boolean | null;

  @ApiProperty({ type: 'string', nullable: true, example: "Ouvert maintenant, jusqu'à 18 h" })
  openingStatus: string | null;

  @ApiProperty({ type: [String], description: 'The standard’s services.' })
  services: string[];

  @ApiProperty({ type: [String] })
  publics: string[];

  @ApiProperty({ type: [String] })
  specificSupport: string[];

  @ApiProperty({ type: [String] })
  fees: string[];

  @ApiProperty({ type: [String] })
  accessModes: string[];

  @ApiProperty({ type: [String] })
  supportModes: string[];

  @ApiProperty({ type: 'string', nullable: true })
  phone: string | null;

  @ApiProperty({ type: [String] })
  emails: string[];

  @ApiProperty({ type: [String] })
  websites: string[];

  @ApiProperty({ type: 'string', nullable: true })
  appointmentUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  acceslibreUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  accessibilityNotes: string | null;

  @ApiProperty({ type: 'boolean', description: 'Takes Pass numérique chèques.' })
  acceptsPassNumerique: boolean;

  @ApiProperty({ type: [PassServiceDto], description: 'What the chèques pay for here, and how many each takes.' })
  passServices: PassServiceDto[];
}

export class PublicVenueSiteDetailDto extends PublicVenueSiteDto {
  @ApiProperty({ type: 'string', nullable: true })
  summary: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;

  @ApiProperty({ type: [DayOpeningHoursDto], description: 'This week, in French; empty when the site gives no hours.' })
  week: DayOpeningHoursDto[];
}

export class PublicVenueSitePageDto {
  @ApiProperty({ type: [PublicVenueSiteDto] })
  items: PublicVenueSiteDto[];

  @ApiProperty({ type: 'integer' })
  total: number;

  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({ type: 'integer' })
  offset: number;
}
