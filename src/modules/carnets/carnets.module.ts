import { Module, forwardRef } from '@nestjs/common';
import { CarnetsRepository } from './carnets.repository';
import { OrdersModule } from '../orders/orders.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CarnetGenerationQueue } from './carnet-generation.queue';
import { CarnetGenerationService } from './carnet-generation.service';
import { CarnetsController } from './carnets.controller';
import { CarnetsService } from './carnets.service';
import { DormantStockController } from './dormant-stock.controller';
import { DormantStockRepository } from './dormant-stock.repository';
import { DormantStockService } from './dormant-stock.service';

@Module({
  imports: [forwardRef(() => OrdersModule), forwardRef(() => ProgrammesModule), OrganisationsModule],
  controllers: [CarnetsController, DormantStockController],
  providers: [
    CarnetsService,
    DormantStockService,
    DormantStockRepository,
    CarnetGenerationService,
    CarnetGenerationQueue,
    CarnetsRepository,
  ],
  exports: [CarnetGenerationService, CarnetGenerationQueue, CarnetsRepository],
})
export class CarnetsModule {}
