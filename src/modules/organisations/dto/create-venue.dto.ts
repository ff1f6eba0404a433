import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { COMMUNE_INSEE_CODE_PATTERN } from '../organisations.rules';
import { OrganisationAdminDto } from './organisation-admin.dto';

export class CreateVenueDto {
  @ApiProperty({ type: 'string', example: 'Espace public numérique de la Guillotière' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: 'string', example: '73282932000074', description: 'SIRET (14 digits): one venue per SIRET.' })
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  siret: string;

  @ApiProperty({ type: 'string', example: '12 rue de Marseille' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  addressLine: string;

  @ApiProperty({ type: 'string', example: '69007' })
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode: string;

  @ApiProperty({ type: 'string', example: 'Lyon' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiProperty({ type: 'string', example: '69387', description: 'INSEE code of the commune.' })
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode: string;

  @ApiProperty({ type: OrganisationAdminDto })
  @ValidateNested()
  @Type(() => OrganisationAdminDto)
  admin: OrganisationAdminDto;
}
