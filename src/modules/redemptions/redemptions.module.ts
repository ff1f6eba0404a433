import { Module } from '@nestjs/common';
import { RedemptionsRepository } from './redemptions.repository';
import { LedgerModule } from '../ledger/ledger.module';
import { OppositionsModule } from '../oppositions/oppositions.module';
import { VenuesModule } from '../venues/venues.module';
import { IdempotencyModule } from '../../common/idempotency/idempotency.module';
import { OfflineSyncService } from './offline-sync.service';
import { OnlineRedemptionBatches } from './online-redemption-batches';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';
import { VoucherLookupLimiter } from './voucher-lookup-limiter';

@Module({
  imports: [IdempotencyModule, LedgerModule, OppositionsModule, VenuesModule],
  controllers: [RedemptionsController],
  providers: [RedemptionsService, OfflineSyncService, OnlineRedemptionBatches, VoucherLookupLimiter, RedemptionsRepository],
  exports: [RedemptionsRepository],
})
export class RedemptionsModule {}
