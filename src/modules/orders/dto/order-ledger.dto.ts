import { ApiProperty } from '@nestjs/swagger';
import { LedgerEntryDto } from '../../ledger/dto/ledger-entry.dto';

export class OrderBalanceDto {
  @ApiProperty({ type: 'integer', example: 2000000 })
  faceValueDueCents: number;

  @ApiProperty({ type: 'integer', example: 80000 })
  feeDueCents: number;

  @ApiProperty({ type: 'integer', example: 2080000 })
  paymentsReceivedCents: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'What the funder still owes: dues minus payments (negative = overpaid).' })
  balanceDueCents: number;
}

/** An order's money lines and balance. */
export class OrderLedgerDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: () => [LedgerEntryDto] })
  entries: LedgerEntryDto[];

  @ApiProperty({ type: () => OrderBalanceDto })
  balance: OrderBalanceDto;
}
