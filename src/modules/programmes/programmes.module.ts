import { Module, forwardRef } from '@nestjs/common';
import { ProgrammesRepository } from './programmes.repository';
import { OrdersModule } from '../orders/orders.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [forwardRef(() => OrdersModule), OrganisationsModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService, ProgrammesRepository],
  exports: [ProgrammesRepository],
})
export class ProgrammesModule {}
