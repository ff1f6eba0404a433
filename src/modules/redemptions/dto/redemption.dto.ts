import { ApiProperty } from '@nestjs/swagger';
import { VoucherRefusalDto } from './voucher-refusal.dto';

export class VoucherTerritoryDto {
  @ApiProperty({ type: 'string', isArray: true, example: ['69'] })
  departements: string[];

  @ApiProperty({ type: 'string', isArray: true, example: [] })
  communes: string[];
}

/** What a chèque is, and whether this venue may redeem it now. No money moves. */
export class VoucherCheckDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000123-07' })
  serial: string;

  @ApiProperty({ type: 'string', example: 'issued' })
  status: string;

  @ApiProperty({ type: 'integer', example: 1000 })
  valueCents: number;

  @ApiProperty({ type: 'string', format: 'date-time' })
  expiresAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'Expiry plus the grace period.' })
  redeemableUntil: Date;

  @ApiProperty({ type: () => VoucherTerritoryDto, description: 'Where it may be used; both lists empty = anywhere.' })
  territory: VoucherTerritoryDto;

  @ApiProperty({ type: 'boolean' })
  redeemable: boolean;

  @ApiProperty({ type: () => VoucherRefusalDto, nullable: true, description: 'Why not, when not redeemable.' })
  refusal: VoucherRefusalDto | null;
}

export class RedeemedVoucherDto {
  @ApiProperty({ type: 'string', format: 'uuid', description: 'The redemption (to undo it within 24 h).' })
  id: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  voucherId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123-07' })
  serial: string;

  @ApiProperty({ type: 'integer', example: 1000 })
  valueCents: number;
}

/** Every chèque of the request redeemed, for one service. */
export class RedemptionReceiptDto {
  @ApiProperty({ type: () => [RedeemedVoucherDto] })
  redemptions: RedeemedVoucherDto[];

  @ApiProperty({ type: 'integer', example: 2000 })
  totalValueCents: number;

  @ApiProperty({ type: 'string', format: 'uuid' })
  serviceId: string;

  @ApiProperty({ type: 'string', example: 'atelier_collectif' })
  serviceCategory: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  siteId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  scannedAt: Date;
}

export class RedemptionDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'string', enum: ['active', 'cancelled'] })
  status: 'active' | 'cancelled';

  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  voucherId: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000123-07' })
  serial: string;

  @ApiProperty({ type: 'integer', example: 1000 })
  valueCents: number;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  serviceId: string | null;

  @ApiProperty({ type: 'string' })
  serviceCategory: string;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  siteId: string | null;

  @ApiProperty({ type: 'string', enum: ['online', 'offline'] })
  mode: 'online' | 'offline';

  @ApiProperty({ type: 'string', nullable: true })
  deviceId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time' })
  scannedAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time' })
  recordedAt: Date;

  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The reimbursement statement that holds it.' })
  statementId: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ type: 'string', nullable: true })
  cancellationReason: string | null;
}

export class NotYetInStatementDto {
  @ApiProperty({ type: 'integer' })
  count: number;

  @ApiProperty({ type: 'integer' })
  valueCents: number;
}

/** What the venue is owed and was paid (ledger), and what no statement holds yet. */
export class RedemptionTotalsDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  venueId: string;

  @ApiProperty({ type: 'integer', description: 'What redemptions made the venue owed, undos deducted.' })
  owedCents: number;

  @ApiProperty({ type: 'integer', description: 'What reimbursement statements paid it.' })
  paidCents: number;

  @ApiProperty({ type: 'integer' })
  pendingReimbursementCents: number;

  @ApiProperty({ type: () => NotYetInStatementDto, description: 'Active redemptions no statement holds yet (still undoable within 24 h).' })
  notYetInStatement: NotYetInStatementDto;
}
