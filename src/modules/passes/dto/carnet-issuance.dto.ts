import { ApiProperty } from '@nestjs/swagger';
import { CARNET_STATUSES, type CarnetStatus } from '../../carnets/carnet-status';
import { CarnetVoucherCountsDto } from '../../carnets/dto/carnet.dto';
import { REASON_CATEGORIES, type ReasonCategory } from '../reason-category';

/** A carnet the structure handed out, what became of its chèques, and the replacement links. */
export class CarnetIssuanceDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  carnetId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123' })
  carnetNumber: string;

  @ApiProperty({ type: 'string', enum: CARNET_STATUSES })
  carnetStatus: CarnetStatus;

  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2027-12-31T22:59:59.000Z' })
  expiresAt: Date;

  @ApiProperty({ type: 'string', format: 'uuid' })
  beneficiaryId: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Léa',
    description: 'As printed on the cover; null once the personal data is erased.',
  })
  beneficiaryFirstName: string | null;

  @ApiProperty({ type: 'string', enum: REASON_CATEGORIES })
  reasonCategory: ReasonCategory;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The carnet in opposition this one replaces.' })
  replacesCarnetId: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '2026-0042-000007' })
  replacesCarnetNumber: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The carnet given in its place after an opposition.' })
  replacedByCarnetId: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '2026-0042-000124' })
  replacedByCarnetNumber: string | null;

  @ApiProperty({ type: () => CarnetVoucherCountsDto })
  vouchers: CarnetVoucherCountsDto;
}
