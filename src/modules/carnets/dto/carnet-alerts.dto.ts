import { ApiProperty } from '@nestjs/swagger';

/** Carnets of one order still held, all expiring at the same instant. */
export class CarnetAlertGroupDto {
  @ApiProperty({ type: 'string', format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: 'string', example: '2026-0042' })
  orderNumber: string;

  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-12-31T22:59:59.000Z' })
  expiresAt: Date;

  @ApiProperty({ type: 'string', format: 'date-time', description: 'Last moment these carnets may be handed out.' })
  distributionClosesAt: Date;

  @ApiProperty({ type: 'integer', example: 12 })
  carnetCount: number;

  @ApiProperty({ type: 'string', example: '2026-0042-000001' })
  firstCarnetNumber: string;

  @ApiProperty({ type: 'string', example: '2026-0042-000012' })
  lastCarnetNumber: string;
}

/** What the holder of a stock must act on: carnets about to expire (J-30) and carnets that can no longer be handed out (J-15). */
export class CarnetAlertsDto {
  @ApiProperty({ type: 'integer', example: 30, description: 'EXPIRY_WARNING_DAYS.' })
  warningDays: number;

  @ApiProperty({ type: 'integer', example: 15, description: 'DISTRIBUTION_STOP_DAYS.' })
  distributionStopDays: number;

  @ApiProperty({
    type: () => [CarnetAlertGroupDto],
    description: 'Carnets held that expire within warningDays and can still be handed out.',
  })
  expiringSoon: CarnetAlertGroupDto[];

  @ApiProperty({
    type: () => [CarnetAlertGroupDto],
    description: 'Carnets held whose distribution has stopped (not expired yet): they can no longer be handed out.',
  })
  distributionClosed: CarnetAlertGroupDto[];
}
