import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CreateVenueDto } from '../../organisations/dto/create-venue.dto';
import { OpeningSlotDto } from './opening-slot.dto';
import { StandardSiteFieldsDto } from './standard-site-fields.dto';

/** A point de présence: named and addressed like the venue itself, with its opening hours. */
export class CreateVenueSiteDto extends IntersectionType(
  PickType(CreateVenueDto, ['name', 'addressLine', 'postalCode', 'city', 'communeInseeCode'] as const),
  StandardSiteFieldsDto,
) {
  @ApiProperty({ type: [OpeningSlotDto] })
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => OpeningSlotDto)
  openingHours: OpeningSlotDto[];

  @ApiPropertyOptional({ type: 'string', example: 'Accès de plain-pied, boucle magnétique à l’accueil.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessibilityNotes?: string;
}
