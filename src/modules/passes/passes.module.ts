import { Module } from '@nestjs/common';
import { CarnetsModule } from '../carnets/carnets.module';
import { PassesRepository } from './passes.repository';
import { CarnetIssuancesController } from './carnet-issuances.controller';
import { PassesController } from './passes.controller';
import { PassesService } from './passes.service';

@Module({
  imports: [CarnetsModule],
  controllers: [PassesController, CarnetIssuancesController],
  providers: [PassesService, PassesRepository],
  exports: [PassesRepository],
})
export class PassesModule {}
