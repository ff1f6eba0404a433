import { ApiProperty } from '@nestjs/swagger';
import { STATEMENT_STATUSES, type StatementStatus } from '../statement-status';

/** A venue's reimbursement statement (relevé) for a period: the chèques it redeemed and was not yet paid for. */
export class StatementDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', example: 'RB-2026-01-000042' })
  number: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', format: 'uuid', description: 'The job run that drew it up.' })
  runId: string;

  @ApiProperty({ type: 'string', format: 'date' })
  periodStart: string;

  @ApiProperty({ type: 'string', format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: 'string', enum: STATEMENT_STATUSES })
  status: StatementStatus;

  @ApiProperty({ type: 'integer' })
  redemptionCount: number;

  @ApiProperty({ type: 'integer', example: 12000 })
  totalCents: number;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '/api/v1/reimbursement-statements/…/statement.pdf',
    description: 'Null until the documents are written.',
  })
  pdfUrl: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: '/api/v1/reimbursement-statements/…/statement.csv' })
  csvUrl: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  documentsReadyAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  validatedAt: Date | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  validatedByUserId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  paymentBatchId: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'IBAN paid to, fixed when the payment batch was made.' })
  creditorIban: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  creditorBic: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  creditorName: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  paymentReference: string | null;

  @ApiProperty({ type: 'string', format: 'date', nullable: true })
  paidOn: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  paidAt: Date | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: Date;
}
