import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../programme.entity';

/** A funder's enrolment in a programme: its State envelope and how much of it its orders hold. */
export class EnrolmentDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'integer', example: 300000000, description: "The funder's cap on the State share." })
  envelopeCents: number;

  @ApiProperty({ type: 'integer', example: 1000000, description: "Maximum State shares of the funder's live orders in the programme." })
  reservedCents: number;

  @ApiProperty({ type: 'integer', example: 299000000 })
  remainingCents: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
}

/** An ANCT funding programme: the rules orders, chèques and the State share follow (rates in basis points). */
export class ProgrammeDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', example: 'Pass numérique 2026' })
  name: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year: number;

  @ApiProperty({ type: 'string', enum: PROGRAMME_STATUSES })
  status: ProgrammeStatus;

  @ApiProperty({ type: 'integer', example: 1000, description: 'Value of one chèque.' })
  faceValueCents: number;

  @ApiProperty({ type: 'integer', isArray: true, example: [5, 10] })
  allowedCarnetSizes: number[];

  @ApiProperty({ type: 'integer', example: 5000, description: 'State share of the value redeemed (5000 = 50 %).' })
  stateShareRateBp: number;

  @ApiProperty({ type: 'integer', example: 300000000 })
  defaultFunderCapCents: number;

  @ApiProperty({ type: 'integer', example: 1000000 })
  minimumOrderCents: number;

  @ApiProperty({ type: 'integer', example: 400 })
  operatorFeeRateBp: number;

  @ApiProperty({ type: 'string', format: 'date', example: '2026-12-31', description: 'Last day chèques are valid (Europe/Paris).' })
  validUntil: string;

  @ApiProperty({ type: 'integer', example: 31 })
  graceDays: number;

  @ApiProperty({ type: 'integer', example: 5000 })
  targetPublicMinRateBp: number;

  @ApiProperty({ type: 'integer', example: 50000 })
  offlineValueCeilingCents: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;

  @ApiPropertyOptional({ type: () => EnrolmentDto, description: "A funder's own enrolment (funders only)." })
  enrolment?: EnrolmentDto;
}
