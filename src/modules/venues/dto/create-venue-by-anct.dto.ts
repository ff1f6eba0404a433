import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { CreateVenueDto } from '../../organisations/dto/create-venue.dto';
import { CreateVenueSiteDto } from './create-venue-site.dto';
import { OpeningSlotDto } from './opening-slot.dto';

/**
 * A venue ANCT registers itself: like an application, its seat becomes its first site (so it is in the
 * public directory once qualified); opening hours may be left for the venue to give later.
 */
export class CreateVenueByAnctDto extends IntersectionType(CreateVenueDto, PickType(CreateVenueSiteDto, ['accessibilityNotes'] as const)) {
  @ApiPropertyOptional({ type: [OpeningSlotDto], description: 'Opening hours of the seat; none given means not known yet.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => OpeningSlotDto)
  openingHours?: OpeningSlotDto[];
}
