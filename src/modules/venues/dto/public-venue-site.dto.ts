import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { SERVICE_CATEGORIES } from '../service-category';
import { PublicSiteFieldsDto } from './public-site-fields.dto';
import { VenueSiteDto } from './venue.dto';

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

/** A site in the public search: the public fields, where it stands from the person, and its hours as read now. */
export class PublicVenueSiteDto extends PublicSiteFieldsDto {
  @ApiProperty({ type: 'string', example: 'Espace public numérique de la Guillotière' })
  venueName: string;

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

  @ApiProperty({ type: [PassServiceDto], description: 'What the chèques pay for here, and how many each takes.' })
  passServices: PassServiceDto[];
}

/** One site's page: its presentation, as the venue wrote it, and this week's hours. */
export class PublicVenueSiteDetailDto extends IntersectionType(
  PublicVenueSiteDto,
  PickType(VenueSiteDto, ['summary', 'description'] as const),
) {
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
