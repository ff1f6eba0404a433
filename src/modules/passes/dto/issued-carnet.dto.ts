import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REASON_CATEGORIES, type ReasonCategory } from '../reason-category';

export class IssuedVoucherDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000123-01' })
  serial: string;

  @ApiProperty({ type: 'number', example: 1 })
  position: number;

  @ApiProperty({ type: 'string', example: 'issued' })
  status: string;

  @ApiProperty({ type: 'integer', example: 1000 })
  faceValueCents: number;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2027-12-31T22:59:59.000Z' })
  expiresAt: Date;
}

export class IssueWarningDto {
  @ApiProperty({ type: 'string', example: 'PERSON_HOLDS_ACTIVE_CARNET' })
  code: 'PERSON_HOLDS_ACTIVE_CARNET';

  @ApiProperty({ type: 'string' })
  message: string;

  @ApiProperty({ type: 'number', example: 1 })
  activeCarnets: number;
}

export class IssuedCarnetDto {
  @ApiProperty({ type: 'string' })
  carnetId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ type: 'string' })
  beneficiaryId: string;

  @ApiProperty({ type: 'string', enum: REASON_CATEGORIES })
  reasonCategory: ReasonCategory;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'The cancelled carnet this one replaces.' })
  replacesCarnetId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2027-12-31T22:59:59.000Z' })
  expiresAt: Date;

  @ApiProperty({ type: 'integer', example: 10000, description: 'Value of the chèques handed out, in cents.' })
  totalValueCents: number;

  @ApiProperty({ type: [IssuedVoucherDto] })
  vouchers: IssuedVoucherDto[];

  @ApiProperty({ type: 'string', example: '/api/v1/carnets/4c1e…/pdf', description: 'Where to download the printable carnet.' })
  pdfUrl: string;

  @ApiProperty({ type: [IssueWarningDto], description: 'Issued anyway; shown to the prescriber.' })
  warnings: IssueWarningDto[];
}
