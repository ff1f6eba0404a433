import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { COMMUNE_INSEE_CODE_PATTERN } from '../organisations.rules';
import { OrganisationAdminDto } from './organisation-admin.dto';

export class CreatePrescriberDto {
  @ApiProperty({ type: 'string', example: 'CCAS de Villeurbanne' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    type: 'string',
    example: '26690266700019',
    description: 'SIRET (14 digits). An existing structure with this SIRET is linked instead of created.',
  })
  @Matches(/^\d{14}$/, { message: 'siret must be 14 digits' })
  siret: string;

  @ApiProperty({ type: 'string', example: '69266' })
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode: string;

  @ApiPropertyOptional({ type: 'string', example: 'Place Lazare-Goujon' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine?: string;

  @ApiPropertyOptional({ type: OrganisationAdminDto, description: 'Required when the structure is new.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationAdminDto)
  admin?: OrganisationAdminDto;
}
