import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { COMMUNE_INSEE_CODE_PATTERN } from '../../organisations/organisations.rules';
import { OpeningSlotDto } from './opening-slot.dto';

export class CreateVenueSiteDto {
  @ApiProperty({ example: 'Médiathèque Jean-Macé' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2 rue Jean-Macé' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  addressLine: string;

  @ApiProperty({ example: '69007' })
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode: string;

  @ApiProperty({ example: 'Lyon' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: '69387' })
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode: string;

  @ApiProperty({ type: [OpeningSlotDto] })
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => OpeningSlotDto)
  openingHours: OpeningSlotDto[];

  @ApiPropertyOptional({ example: 'Accès de plain-pied, boucle magnétique à l’accueil.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  accessibilityNotes?: string;
}
