import { Module } from '@nestjs/common';
import { CarnetsModule } from '../carnets/carnets.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({ imports: [CarnetsModule], controllers: [OrdersController], providers: [OrdersService] })
export class OrdersModule {}
