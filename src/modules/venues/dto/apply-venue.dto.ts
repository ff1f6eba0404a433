import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { CreateVenueDto } from '../../organisations/dto/create-venue.dto';
import { CreateVenueServiceDto } from './create-venue-service.dto';
import { CreateVenueSiteDto } from './create-venue-site.dto';
import { STANDARD_SITE_FIELDS } from './standard-site-fields.dto';

/**
 * A venue's application: the organisation (SIRET, seat address, first administrator), the services it
 * offers, and where it receives people. The seat becomes the first site, with these opening hours.
 */
export class ApplyVenueDto extends IntersectionType(
  CreateVenueDto,
  PickType(CreateVenueSiteDto, ['openingHours', 'accessibilityNotes', ...STANDARD_SITE_FIELDS] as const),
) {
  @ApiProperty({ type: [CreateVenueServiceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CreateVenueServiceDto)
  services: CreateVenueServiceDto[];

  @ApiPropertyOptional({ type: [CreateVenueSiteDto], description: 'Other points de présence.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateVenueSiteDto)
  additionalSites?: CreateVenueSiteDto[];
}
