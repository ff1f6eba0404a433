import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REASON_CATEGORIES, type ReasonCategory } from '../reason-category';

export class IssuedVoucherDto {
  @ApiProperty({ example: '2026-0042-000123-01' })
  serial: string;

  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty({ example: 'issued' })
  status: string;

  @ApiProperty({ example: 1000 })
  faceValueCents: number;

  @ApiProperty({ example: '2027-12-31T22:59:59.000Z' })
  expiresAt: Date;
}

export class IssueWarningDto {
  @ApiProperty({ example: 'PERSON_HOLDS_ACTIVE_CARNET' })
  code: 'PERSON_HOLDS_ACTIVE_CARNET';

  @ApiProperty()
  message: string;

  @ApiProperty({ example: 1 })
  activeCarnets: number;
}

export class IssuedCarnetDto {
  @ApiProperty()
  carnetId: string;

  @ApiProperty({ example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty()
  beneficiaryId: string;

  @ApiProperty({ enum: REASON_CATEGORIES })
  reasonCategory: ReasonCategory;

  @ApiPropertyOptional({ nullable: true, description: 'The cancelled carnet this one replaces.' })
  replacesCarnetId: string | null;

  @ApiProperty()
  issuedAt: Date;

  @ApiProperty({ example: '2027-12-31T22:59:59.000Z' })
  expiresAt: Date;

  @ApiProperty({ example: 10000, description: 'Value of the chèques handed out, in cents.' })
  totalValueCents: number;

  @ApiProperty({ type: [IssuedVoucherDto] })
  vouchers: IssuedVoucherDto[];

  @ApiProperty({ example: '/api/v1/carnets/4c1e…/pdf', description: 'Where to download the printable carnet.' })
  pdfUrl: string;

  @ApiProperty({ type: [IssueWarningDto], description: 'Issued anyway; shown to the prescriber.' })
  warnings: IssueWarningDto[];
}
