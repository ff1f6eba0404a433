import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_BATCH_STATUSES, type PaymentBatchStatus } from '../statement-status';

/** One SEPA credit transfer file paying validated statements, then confirmed (or cancelled) by ANCT. */
export class PaymentBatchDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', description: 'The SEPA message id (MsgId) of the file.' })
  messageId: string;

  @ApiProperty({ type: 'string', enum: PAYMENT_BATCH_STATUSES })
  status: PaymentBatchStatus;

  @ApiProperty({ type: 'string', format: 'date' })
  requestedExecutionDate: string;

  @ApiProperty({ type: 'integer' })
  transferCount: number;

  @ApiProperty({ type: 'integer', description: 'Sum of the transfers.' })
  controlSumCents: number;

  @ApiProperty({
    type: 'string',
    example: '/api/v1/payment-batches/…/sepa.xml',
    description: 'The pain.001.001.03 file to hand to the bank.',
  })
  sepaFileUrl: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', nullable: true })
  bankReference: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  paidOn: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  confirmedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    isArray: true,
    description: 'The statements it pays (in the answers of create, confirm and cancel).',
  })
  statementIds?: string[];
}

export class BankAccountDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({
    type: 'string',
    example: 'FR76 **** **** **** **** ***0 0189',
    description: 'Masked: country, check digits and last four characters only.',
  })
  iban: string;

  @ApiProperty({ type: 'string', nullable: true })
  bic: string | null;

  @ApiProperty({ type: 'string' })
  holderName: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;
}
