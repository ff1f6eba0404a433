import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_ENTRY_KINDS, type LedgerEntryKind } from '../ledger-entry-kind';

/** One append-only money line, in signed integer cents. */
export class LedgerEntryDto {
  @ApiProperty({ type: 'string', example: '1042', description: 'Identity of the line (a bigint, as a string).' })
  id: string;

  @ApiProperty({ type: 'string', format: 'date-time' })
  recordedAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'When the money event happened (may precede recordedAt).' })
  occurredAt: Date;

  @ApiProperty({ type: 'string', enum: LEDGER_ENTRY_KINDS })
  kind: LedgerEntryKind;

  @ApiProperty({ type: 'integer', example: 100000, description: 'Signed cents: a reversal is negative.' })
  amountCents: number;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  programmeId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  funderId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  orderId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  venueId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  voucherId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  redemptionId: string | null;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  statementId: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'e.g. the bank reference of a payment.' })
  reference: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'The line this one cancels out.' })
  reversesEntryId: string | null;
}
