import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  STANDARD_ACCESS_MODES,
  STANDARD_FEES,
  STANDARD_PUBLICS,
  STANDARD_SERVICES,
  STANDARD_SPECIFIC_SUPPORT,
  STANDARD_SUMMARY_MAX_LENGTH,
  STANDARD_SUPPORT_MODES,
  STANDARD_TELEPHONE_PATTERN,
} from '../standard/standard-columns';

/** What the national standard describes about a site, as a form sends it (all optional; exact values of the standard). */
export class StandardSiteFieldsDto {
  @ApiPropertyOptional({
    example: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
    description: 'OSM opening_hours syntax; when given, it is the hours (the weekly slots are then ignored).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  openingHoursOsm?: string;

  @ApiPropertyOptional({ enum: STANDARD_SERVICES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_SERVICES.length)
  @IsIn(STANDARD_SERVICES, { each: true })
  standardServices?: string[];

  @ApiPropertyOptional({ enum: STANDARD_PUBLICS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_PUBLICS.length)
  @IsIn(STANDARD_PUBLICS, { each: true })
  publics?: string[];

  @ApiPropertyOptional({ enum: STANDARD_SPECIFIC_SUPPORT, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_SPECIFIC_SUPPORT.length)
  @IsIn(STANDARD_SPECIFIC_SUPPORT, { each: true })
  specificSupport?: string[];

  @ApiPropertyOptional({ enum: STANDARD_FEES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_FEES.length)
  @IsIn(STANDARD_FEES, { each: true })
  fees?: string[];

  @ApiPropertyOptional({ enum: STANDARD_ACCESS_MODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_ACCESS_MODES.length)
  @IsIn(STANDARD_ACCESS_MODES, { each: true })
  accessModes?: string[];

  @ApiPropertyOptional({ enum: STANDARD_SUPPORT_MODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(STANDARD_SUPPORT_MODES.length)
  @IsIn(STANDARD_SUPPORT_MODES, { each: true })
  supportModes?: string[];

  @ApiPropertyOptional({ example: '+33472000000' })
  @IsOptional()
  @Matches(STANDARD_TELEPHONE_PATTERN, { message: 'phone must be in international format (+33…)' })
  phone?: string;

  @ApiPropertyOptional({ example: 45.7485 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 4.8467 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ example: 'https://acceslibre.beta.gouv.fr/app/…' })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'acceslibreUrl must be a web address' })
  @MaxLength(500)
  acceslibreUrl?: string;

  @ApiPropertyOptional({ example: 'https://www.rdv-solidarites.fr/' })
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'appointmentUrl must be a web address' })
  @MaxLength(500)
  appointmentUrl?: string;

  @ApiPropertyOptional({ type: 'string', example: 'Bâtiment B, 2e étage' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressComplement?: string;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: STANDARD_SUMMARY_MAX_LENGTH,
    description: 'presentation_resume: what the place offers, in a few words.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(STANDARD_SUMMARY_MAX_LENGTH)
  summary?: string;

  @ApiPropertyOptional({ type: 'string', description: 'presentation_detail.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['contact@epn.fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ type: [String], example: ['https://epn.fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @Matches(/^https?:\/\/\S+$/, { each: true, message: 'each website must be a web address' })
  @MaxLength(500, { each: true })
  websites?: string[];
}

export const STANDARD_SITE_FIELDS = [
  'openingHoursOsm',
  'standardServices',
  'publics',
  'specificSupport',
  'fees',
  'accessModes',
  'supportModes',
  'phone',
  'latitude',
  'longitude',
  'acceslibreUrl',
  'appointmentUrl',
  'addressComplement',
  'summary',
  'description',
  'emails',
  'websites',
] as const satisfies readonly (keyof StandardSiteFieldsDto)[];
