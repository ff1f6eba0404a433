import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERASURE_REASONS } from '../personal-data.rules';

export class HeldVoucherDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000123-01' })
  serial: string;

  @ApiProperty({ type: 'string', example: 'redeemed' })
  status: string;

  @ApiProperty({ type: 'integer', example: 1000 })
  faceValueCents: number;

  @ApiProperty({ type: 'string' })
  expiresAt: string;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  redeemedAt: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'Espace public numérique' })
  venueName: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'online_procedures' })
  serviceCategory: string | null;
}

export class HeldCarnetDto {
  @ApiProperty({ type: 'string' })
  carnetId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ type: 'string', example: 'issued' })
  carnetStatus: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: Date;

  @ApiProperty({ type: 'string', example: 'administrative_procedures' })
  reasonCategory: string;

  @ApiProperty({ type: 'string', example: 'Département du Rhône' })
  funderName: string;

  @ApiProperty({ type: [HeldVoucherDto] })
  vouchers: HeldVoucherDto[];
}

/** Everything the platform holds about one beneficiary (GDPR right of access and portability). */
export class BeneficiaryPersonalDataDto {
  @ApiProperty({ type: 'string' })
  beneficiaryId: string;

  @ApiProperty({
    type: 'string',
    description: 'The structure that recorded the person and answers for the data (controller’s contact point).',
  })
  recordedBy: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Null once erased.' })
  firstName: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  birthYear: number | null;

  @ApiProperty({ type: 'string', example: '69266' })
  communeInseeCode: string;

  @ApiProperty({ type: 'string', example: '69' })
  departementCode: string;

  @ApiProperty({ type: 'boolean', description: 'Belongs to the programme’s target public.' })
  targetPublic: boolean;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description: 'Keyed pseudonym of the name and birth date (hex), null when none was given or once erased.',
  })
  pseudonym: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  consentGivenAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  recordedAt: Date;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  erasedAt: Date | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, enum: ERASURE_REASONS })
  erasureReason: string | null;

  @ApiProperty({ type: 'integer', description: 'Days the personal data is kept after the last carnet is finished.' })
  retentionDays: number;

  @ApiProperty({ type: [HeldCarnetDto] })
  carnets: HeldCarnetDto[];

  @ApiProperty({ type: 'string', format: 'date-time' })
  exportedAt: Date;
}
