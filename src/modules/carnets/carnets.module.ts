import { Module } from '@nestjs/common';
import { CarnetGenerationQueue } from './carnet-generation.queue';
import { CarnetGenerationService } from './carnet-generation.service';
import { CarnetsController } from './carnets.controller';
import { CarnetsService } from './carnets.service';

@Module({
  controllers: [CarnetsController],
  providers: [CarnetsService, CarnetGenerationService, CarnetGenerationQueue],
  exports: [CarnetGenerationService, CarnetGenerationQueue],
})
export class CarnetsModule {}
