import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { CancelOrderDto } from './dto/cancel-order.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { RecordPaymentDto } from './dto/record-payment.dto';
import { RejectOrderDto } from './dto/reject-order.dto';
import { OrdersService } from './orders.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Roles('funder_manager')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrderDto) {
    return this.orders.create(actor, dto);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager')
  list(@CurrentActor() actor: Actor, @Query() query: ListOrdersQuery) {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  @Roles('anct_admin', 'funder_manager')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.get(actor, id);
  }

  @Get(':id/ledger')
  @Roles('anct_admin', 'funder_manager')
  ledger(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.ledgerOf(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('funder_manager')
  submit(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  approve(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  reject(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RejectOrderDto) {
    return this.orders.reject(actor, id, dto);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  recordPayment(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RecordPaymentDto) {
    return this.orders.recordPayment(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('anct_admin', 'funder_manager')
  cancel(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelOrderDto) {
    return this.orders.cancel(actor, id, dto);
  }
}
