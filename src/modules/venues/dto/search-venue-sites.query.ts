import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PaginationQuery } from '../../../common/http/pagination.query';
import { COMMUNE_INSEE_CODE_PATTERN, DEPARTEMENT_CODE_PATTERN } from '../../organisations/organisations.rules';
import { STANDARD_PUBLICS, STANDARD_SERVICES, STANDARD_SPECIFIC_SUPPORT } from '../standard/standard-columns';

/** Where: exactly one of `q` (a commune name or postcode, as typed), `communeInseeCode`, `postalCode`, `departementCode`. */
export class SearchVenueSitesQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: 'Reims', description: 'A commune name or a postcode, as the person types it.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '51454' })
  @IsOptional()
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode?: string;

  @ApiPropertyOptional({ example: '51100' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;

  @ApiPropertyOptional({ example: '51' })
  @IsOptional()
  @Matches(DEPARTEMENT_CODE_PATTERN, { message: 'departementCode must be a French département code such as 69, 2A or 974' })
  departementCode?: string;

  @ApiPropertyOptional({ example: 49.25, description: "The person's position (from their phone), for nearest first." })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 4.03 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ enum: STANDARD_SERVICES })
  @IsOptional()
  @IsIn(STANDARD_SERVICES)
  service?: string;

  @ApiPropertyOptional({ enum: STANDARD_PUBLICS, description: 'Sites that address no specific public welcome everyone and match.' })
  @IsOptional()
  @IsIn(STANDARD_PUBLICS)
  public?: string;

  @ApiPropertyOptional({ enum: STANDARD_SPECIFIC_SUPPORT, description: 'A specific need the site supports (prise en charge spécifique).' })
  @IsOptional()
  @IsIn(STANDARD_SPECIFIC_SUPPORT)
  accessibility?: string;

  @ApiPropertyOptional({ description: 'Only the sites open now (Paris time).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  openNow?: boolean;
}
