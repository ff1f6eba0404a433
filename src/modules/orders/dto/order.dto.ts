import { ApiProperty } from '@nestjs/swagger';
import { ORDER_STATUSES, type OrderStatus } from '../order-status';

export class GenerationProgressDto {
  @ApiProperty({ type: 'integer', example: 120 })
  doneCarnets: number;

  @ApiProperty({ type: 'integer', example: 200 })
  totalCarnets: number;

  @ApiProperty({ type: 'integer', example: 1200 })
  doneVouchers: number;

  @ApiProperty({ type: 'integer', example: 2000 })
  totalVouchers: number;
}

/** A funder's order, its amounts fixed when it was created. */
export class OrderDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', example: '2026-0042', description: 'Human reference; its numeric part is printed in carnet numbers.' })
  number: string;

  @ApiProperty({ type: 'integer', example: 42 })
  sequence: number;

  @ApiProperty({ type: 'string', format: 'uuid' })
  programmeId: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'string', enum: ORDER_STATUSES })
  status: OrderStatus;

  @ApiProperty({ type: 'integer', example: 200 })
  carnetCount: number;

  @ApiProperty({ type: 'integer', example: 10, description: 'Chèques per carnet.' })
  carnetSize: number;

  @ApiProperty({ type: 'integer', example: 1000 })
  faceValueCents: number;

  @ApiProperty({ type: 'integer', example: 2000000 })
  faceValueTotalCents: number;

  @ApiProperty({ type: 'integer', example: 80000 })
  feeCents: number;

  @ApiProperty({ type: 'integer', example: 2080000 })
  totalDueCents: number;

  @ApiProperty({
    type: 'integer',
    example: 1000000,
    description: "Most State share this order can unlock, given the funder's remaining envelope when it was priced.",
  })
  maxStateShareCents: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Text printed on the carnet cover.' })
  personalisationText: string | null;

  @ApiProperty({
    type: 'string',
    isArray: true,
    example: ['69'],
    description: 'Where the chèques may be redeemed; both lists empty = anywhere.',
  })
  territoryDepartements: string[];

  @ApiProperty({ type: 'string', isArray: true, example: [] })
  territoryCommunes: string[];

  @ApiProperty({ type: 'string', nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  paymentReference: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  paymentDate: string | null;

  @ApiProperty({ type: 'integer', example: 120, description: 'Carnets generated so far.' })
  generationDone: number;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  decidedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  paidAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  readyAt: Date | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: () => GenerationProgressDto })
  generation: GenerationProgressDto;
}
