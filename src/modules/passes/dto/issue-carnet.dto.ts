import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COMMUNE_INSEE_CODE_PATTERN } from '../../organisations/organisations.rules';
import { FIRST_NAME_PATTERN } from '../passes.rules';
import { REASON_CATEGORIES, type ReasonCategory } from '../reason-category';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value);

/** Typed by the prescriber to recognise the same person later; turned into a keyed hash at once and never stored. */
export class PersonIdentityDto {
  @ApiProperty({
    type: 'string',
    example: 'Dupont Jean-Pierre',
    description: 'Family and given names, any order, accents and case ignored.',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  fullName: string;

  @ApiProperty({ type: 'string', example: '1970-05-04', description: 'Birth date, YYYY-MM-DD.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate: string;
}

export class IssueCarnetDto {
  @ApiProperty({ type: 'string', example: 'Léa', description: 'First name or nickname printed on the carnet (Latin letters, up to 40).' })
  @Transform(trimmed)
  @IsString()
  @Matches(FIRST_NAME_PATTERN, { message: 'firstName must be 1–40 letters (Latin alphabet), spaces, hyphens, apostrophes or dots' })
  firstName: string;

  @ApiPropertyOptional({ type: 'integer', example: 1958 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiProperty({ type: 'string', example: '69266', description: 'INSEE code of the commune where the person lives (not an address).' })
  @Matches(COMMUNE_INSEE_CODE_PATTERN, { message: 'communeInseeCode must be a 5-character INSEE code' })
  communeInseeCode: string;

  @ApiProperty({ type: 'boolean', description: "Whether the person belongs to the programme's target public." })
  @IsBoolean()
  targetPublic: boolean;

  @ApiProperty({ type: 'string', enum: REASON_CATEGORIES })
  @IsIn(REASON_CATEGORIES)
  reasonCategory: ReasonCategory;

  @ApiProperty({ type: 'boolean', example: true, description: 'The person agreed to this data being recorded: must be true.' })
  @Equals(true, { message: 'consent must be true: the person must agree before anything is recorded' })
  consent: boolean;

  @ApiPropertyOptional({
    type: PersonIdentityDto,
    description: 'Optional: lets reports count people and flags a person who already holds an active carnet.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonIdentityDto)
  person?: PersonIdentityDto;
}
