import { Module } from '@nestjs/common';
import { CarnetGenerationQueue } from './carnet-generation.queue';
import { CarnetGenerationService } from './carnet-generation.service';
import { CarnetsController } from './carnets.controller';
import { CarnetsService } from './carnets.service';
import { DormantStockController } from './dormant-stock.controller';
import { DormantStockRepository } from './dormant-stock.repository';
import { DormantStockService } from './dormant-stock.service';

@Module({
  controllers: [CarnetsController, DormantStockController],
  providers: [CarnetsService, DormantStockService, DormantStockRepository, CarnetGenerationService, CarnetGenerationQueue],
  exports: [CarnetGenerationService, CarnetGenerationQueue],
})
export class CarnetsModule {}
