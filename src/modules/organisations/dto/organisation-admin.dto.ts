import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** The first administrator of a new organisation: invited, then manages the organisation's own users. */
export class OrganisationAdminDto {
  @ApiProperty({ type: 'string', example: 'pass-numerique@departement.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ type: 'string', example: 'Dominique Bernard' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;
}
