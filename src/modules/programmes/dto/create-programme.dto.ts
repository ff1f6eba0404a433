import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CALENDAR_DATE_PATTERN, MAX_CENTS } from '../../../common/http/money';
import { VOUCHER_MAX_POSITION } from '../../vouchers/voucher-code.rules';

export class CreateProgrammeDto {
  @ApiProperty({ type: 'string', example: 'Pass numérique 2026' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: 'integer', example: 2026, description: 'Printed in order and carnet numbers.' })
  @IsInt()
  @Min(2019)
  @Max(2100)
  year: number;

  @ApiProperty({ type: 'string', example: '2027-12-31', description: 'Last day chèques are valid (Europe/Paris calendar day).' })
  @Matches(CALENDAR_DATE_PATTERN, { message: 'validUntil must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  validUntil: string;

  @ApiPropertyOptional({ type: 'integer', default: 1000, description: 'Value of one chèque in cents.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  faceValueCents?: number;

  @ApiPropertyOptional({ type: [Number], default: [5, 10], description: 'Chèques per carnet a funder may order.' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(VOUCHER_MAX_POSITION, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  allowedCarnetSizes?: number[];

  @ApiPropertyOptional({
    type: 'integer',
    default: 5000,
    description: 'State co-financing rate on the value redeemed, in basis points (5000 = 50 %).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  stateShareRateBp?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 300_000_000,
    description: 'Per-funder cap on the State share, in cents; default envelope of an enrolment.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  defaultFunderCapCents?: number;

  @ApiPropertyOptional({ type: 'integer', default: 1_000_000, description: 'Smallest order accepted, in face value cents.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  minimumOrderCents?: number;

  @ApiPropertyOptional({ type: 'integer', default: 400, description: 'Operator fee on face value, in basis points (400 = 4 %); may be 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  operatorFeeRateBp?: number;

  @ApiPropertyOptional({ type: 'integer', default: 31, description: 'Days after validUntil during which redemptions are still accepted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  graceDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 5000,
    description: 'Minimum share of carnets handed to the target public, in basis points.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  targetPublicMinRateBp?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 50_000,
    description: 'Per-venue ceiling on the value of offline redemptions not yet synchronised, in cents.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  offlineValueCeilingCents?: number;
}
