import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERASURE_REASONS } from '../personal-data.rules';

export class HeldVoucherDto {
  @ApiProperty({ example: '2026-0042-000123-01' })
  serial: string;

  @ApiProperty({ example: 'redeemed' })
  status: string;

  @ApiProperty({ example: 1000 })
  faceValueCents: number;

  @ApiProperty()
  expiresAt: string;

  @ApiPropertyOptional({ nullable: true })
  redeemedAt: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Espace public numérique' })
  venueName: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'online_procedures' })
  serviceCategory: string | null;
}

export class HeldCarnetDto {
  @ApiProperty()
  carnetId: string;

  @ApiProperty({ example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ example: 'issued' })
  carnetStatus: string;

  @ApiProperty()
  issuedAt: Date;

  @ApiProperty({ example: 'administrative_procedures' })
  reasonCategory: string;

  @ApiProperty({ example: 'Département du Rhône' })
  funderName: string;

  @ApiProperty({ type: [HeldVoucherDto] })
  vouchers: HeldVoucherDto[];
}

/** Everything the platform holds about one beneficiary (GDPR right of access and portability). */
export class BeneficiaryPersonalDataDto {
  @ApiProperty()
  beneficiaryId: string;

  @ApiProperty({ description: 'The structure that recorded the person and answers for the data (controller’s contact point).' })
  recordedBy: string;

  @ApiPropertyOptional({ nullable: true, description: 'Null once erased.' })
  firstName: string | null;

  @ApiPropertyOptional({ nullable: true })
  birthYear: number | null;

  @ApiProperty({ example: '69266' })
  communeInseeCode: string;

  @ApiProperty({ example: '69' })
  departementCode: string;

  @ApiProperty({ description: 'Belongs to the programme’s target public.' })
  targetPublic: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'Keyed pseudonym of the name and birth date (hex), null when none was given or once erased.' })
  pseudonym: string | null;

  @ApiProperty()
  consentGivenAt: Date;

  @ApiProperty()
  recordedAt: Date;

  @ApiPropertyOptional({ nullable: true })
  erasedAt: Date | null;

  @ApiPropertyOptional({ nullable: true, enum: ERASURE_REASONS })
  erasureReason: string | null;

  @ApiProperty({ description: 'Days the personal data is kept after the last carnet is finished.' })
  retentionDays: number;

  @ApiProperty({ type: [HeldCarnetDto] })
  carnets: HeldCarnetDto[];

  @ApiProperty()
  exportedAt: Date;
}
