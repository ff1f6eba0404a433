import { Module, forwardRef } from '@nestjs/common';
import { OrdersRepository } from './orders.repository';
import { ProgrammesModule } from '../programmes/programmes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CarnetsModule } from '../carnets/carnets.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [forwardRef(() => CarnetsModule), forwardRef(() => ProgrammesModule), LedgerModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrdersRepository],
  exports: [OrdersRepository],
})
export class OrdersModule {}
