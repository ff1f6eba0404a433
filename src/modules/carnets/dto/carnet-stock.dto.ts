import { ApiProperty } from '@nestjs/swagger';

/** Carnets by status (every status is present, 0 when none). */
export class CarnetStatusCountsDto {
  @ApiProperty({ type: 'integer' })
  in_stock: number;

  @ApiProperty({ type: 'integer' })
  allocated: number;

  @ApiProperty({ type: 'integer' })
  issued: number;

  @ApiProperty({ type: 'integer' })
  fully_used: number;

  @ApiProperty({ type: 'integer' })
  expired: number;

  @ApiProperty({ type: 'integer' })
  cancelled: number;
}

export class OrderStockDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: 'string', example: '2026-0042' })
  orderNumber: string;

  @ApiProperty({ type: 'string', format: 'uuid' })
  funderId: string;

  @ApiProperty({ type: 'integer', example: 10 })
  carnetSize: number;

  @ApiProperty({ type: () => CarnetStatusCountsDto })
  counts: CarnetStatusCountsDto;
}

export class PrescriberStockDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  prescriberId: string;

  @ApiProperty({ type: () => CarnetStatusCountsDto })
  counts: CarnetStatusCountsDto;
}

export class CarnetStockDto {
  @ApiProperty({ type: () => CarnetStatusCountsDto })
  totals: CarnetStatusCountsDto;

  @ApiProperty({ type: () => [OrderStockDto] })
  orders: OrderStockDto[];

  @ApiProperty({
    type: () => [PrescriberStockDto],
    description: 'Carnets per prescriber structure (those never allocated are not in any).',
  })
  prescribers: PrescriberStockDto[];
}

export class CarnetNumberRunDto {
  @ApiProperty({ type: 'string', example: '2026-0042-000001' })
  from: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000200' })
  to: string;

  @ApiProperty({ type: 'integer', example: 200 })
  count: number;
}

/** Carnets allocated to, or taken back from, a prescriber. */
export class CarnetMoveDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  prescriberId: string;

  @ApiProperty({ type: 'integer', example: 200 })
  count: number;

  @ApiProperty({ type: () => [CarnetNumberRunDto], description: 'The carnets moved, as runs of consecutive numbers.' })
  runs: CarnetNumberRunDto[];
}
