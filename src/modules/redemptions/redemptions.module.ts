import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../common/idempotency/idempotency.module';
import { OfflineSyncService } from './offline-sync.service';
import { OnlineRedemptionBatches } from './online-redemption-batches';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';
import { VoucherLookupLimiter } from './voucher-lookup-limiter';

@Module({
  imports: [IdempotencyModule],
  controllers: [RedemptionsController],
  providers: [RedemptionsService, OfflineSyncService, OnlineRedemptionBatches, VoucherLookupLimiter],
})
export class RedemptionsModule {}
