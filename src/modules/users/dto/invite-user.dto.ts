import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class InviteUserDto {
  @ApiProperty({ type: 'string', example: 'agent@ccas-villeurbanne.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ type: 'string', example: 'Camille Martin' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  displayName: string;

  @ApiPropertyOptional({ type: 'boolean', default: false })
  @IsOptional()
  @IsBoolean()
  isOrganisationAdmin?: boolean;

  @ApiPropertyOptional({
    type: 'string',
    description:
      "The organisation to invite into (default: the caller's): any for ANCT admins, a prescriber structure it works with for a funder; another answers 404.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
