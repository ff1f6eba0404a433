import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CreateVenueDto } from '../../organisations/dto/create-venue.dto';
import { CreateVenueServiceDto } from './create-venue-service.dto';
import { CreateVenueSiteDto } from './create-venue-site.dto';
import { OpeningSlotDto } from './opening-slot.dto';

/**
 * A venue's application: the organisation (SIRET, seat address, first administrator), the services it
 * offers, and where it receives people. The seat becomes the first site, with these opening hours.
 */
export class ApplyVenueDto extends CreateVenueDto {
  @ApiProperty({ type: [OpeningSlotDto], description: 'Opening hours of the seat.' })
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => OpeningSlotDto)
  openingHours: OpeningSlotDto[];

  @ApiPropertyOptional({ example: 'Accès de plain-pied.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessibilityNotes?: string;

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
