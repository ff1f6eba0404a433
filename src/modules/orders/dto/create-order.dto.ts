import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { COMMUNE_INSEE_CODE_PATTERN, DEPARTEMENT_CODE_PATTERN } from '../../organisations/organisations.rules';
import { MAX_CARNETS_PER_ORDER } from '../order-pricing.rules';

export class CreateOrderDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'A programme the funder is enrolled in.' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ type: 'integer', example: 200 })
  @IsInt()
  @Min(1)
  @Max(MAX_CARNETS_PER_ORDER)
  carnetCount: number;

  @ApiProperty({ type: 'integer', example: 10, description: 'Chèques per carnet; one of the programme allowedCarnetSizes.' })
  @IsInt()
  @Min(1)
  @Max(99)
  carnetSize: number;

  @ApiPropertyOptional({ type: 'string', example: 'Offert par le Département du Rhône', description: 'Printed on the carnet cover.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  // Printed on paper: no control characters (line breaks would break the cover layout).
  @Matches(/^[^\p{Cc}]*$/u, { message: 'personalisationText must not contain control characters' })
  personalisationText?: string;

  @ApiPropertyOptional({ type: [String], example: ['69'], description: 'Départements where the chèques may be redeemed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(110)
  @Matches(DEPARTEMENT_CODE_PATTERN, {
    each: true,
    message: 'each territoryDepartements entry must be a département code such as 69, 2A or 974',
  })
  territoryDepartements?: string[];

  @ApiPropertyOptional({ type: [String], example: ['69123'], description: 'Communes (INSEE codes) where the chèques may be redeemed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { each: true, message: 'each territoryCommunes entry must be a commune INSEE code' })
  territoryCommunes?: string[];
}
