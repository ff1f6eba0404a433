import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_CATEGORIES } from '../service-category';

export class PassServiceDto {
  @ApiProperty({ example: 'Démarches CAF et impôts' })
  label: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  category: string;

  @ApiProperty({ example: 'Démarches administratives en ligne' })
  categoryLabel: string;

  @ApiProperty({ example: 120 })
  durationMinutes: number;

  @ApiProperty({ example: 2, description: 'How many chèques one session takes at most.' })
  maxVouchers: number;
}

export class DayOpeningHoursDto {
  @ApiProperty({ example: 'lundi' })
  day: string;

  @ApiProperty({ example: '9 h – 12 h, 14 h – 18 h 30' })
  hours: string;
}

export class PublicVenueSiteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  venueId: string;

  @ApiProperty({ example: 'Espace public numérique de la Guillotière' })
  venueName: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  addressLine: string;

  @ApiPropertyOptional({ nullable: true })
  addressComplement: string | null;

  @ApiProperty()
  postalCode: string;

  @ApiProperty()
  city: string;

  @ApiProperty()
  communeInseeCode: string;

  @ApiProperty()
  departementCode: string;

  @ApiPropertyOptional({ nullable: true })
  latitude: number | null;

  @ApiPropertyOptional({ nullable: true })
  longitude: number | null;

  @ApiPropertyOptional({ nullable: true, example: 1.2, description: 'From the person’s position, or from the searched commune’s sites.' })
  distanceKm: number | null;

  @ApiPropertyOptional({ nullable: true, example: 'Mo-Fr 09:00-12:00,14:00-18:30', description: 'OSM opening_hours syntax.' })
  openingHours: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Null when the site gives no hours.' })
  openNow: boolean | null;

  @ApiPropertyOptional({ nullable: true, example: "Ouvert maintenant, jusqu'à 18 h" })
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

  @ApiPropertyOptional({ nullable: true })
  phone: string | null;

  @ApiProperty({ type: [String] })
  emails: string[];

  @ApiProperty({ type: [String] })
  websites: string[];

  @ApiPropertyOptional({ nullable: true })
  appointmentUrl: string | null;

  @ApiPropertyOptional({ nullable: true })
  acceslibreUrl: string | null;

  @ApiPropertyOptional({ nullable: true })
  accessibilityNotes: string | null;

  @ApiProperty({ description: 'Takes Pass numérique chèques.' })
  acceptsPassNumerique: boolean;

  @ApiProperty({ type: [PassServiceDto], description: 'What the chèques pay for here, and how many each takes.' })
  passServices: PassServiceDto[];
}

export class PublicVenueSiteDetailDto extends PublicVenueSiteDto {
  @ApiPropertyOptional({ nullable: true })
  summary: string | null;

  @ApiPropertyOptional({ nullable: true })
  description: string | null;

  @ApiProperty({ type: [DayOpeningHoursDto], description: 'This week, in French; empty when the site gives no hours.' })
  week: DayOpeningHoursDto[];
}

export class PublicVenueSitePageDto {
  @ApiProperty({ type: [PublicVenueSiteDto] })
  items: PublicVenueSiteDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
