import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { FUNDER_KINDS, type FunderKind } from '../organisation-kind';
import { DEPARTEMENT_CODE_PATTERN } from '../organisations.rules';
import { OrganisationAdminDto } from './organisation-admin.dto';

export class CreateFunderDto {
  @ApiProperty({ type: 'string', example: 'Département du Rhône' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: 'string', example: '226900017', description: 'SIREN of the collectivité (9 digits, Luhn key).' })
  @Matches(/^\d{9}$/, { message: 'siren must be 9 digits' })
  siren: string;

  @ApiProperty({ type: 'string', enum: FUNDER_KINDS })
  @IsIn(FUNDER_KINDS)
  funderKind: FunderKind;

  @ApiProperty({ type: 'string', example: '69', description: 'Main département of the collectivité.' })
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departementCode must be a French département code such as 69, 2A or 974' })
  departementCode: string;

  @ApiProperty({ type: OrganisationAdminDto })
  @ValidateNested()
  @Type(() => OrganisationAdminDto)
  admin: OrganisationAdminDto;
}
