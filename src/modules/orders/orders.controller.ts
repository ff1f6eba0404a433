import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { CancelOrderDto } from './dto/cancel-order.dto';
import { CreateOrderDto } from './dto/create-order.dto';
import { ListOrdersQuery } from './dto/list-orders.query';
import { RecordPaymentDto } from './dto/record-payment.dto';
import { RejectOrderDto } from './dto/reject-order.dto';
import { OrdersService } from './orders.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { OrderDto } from './dto/order.dto';
import { OrderLedgerDto } from './dto/order-ledger.dto';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Roles('funder_manager')
  @ApiCreatedResponse({ type: OrderDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'PROGRAMME_CLOSED',
    'PROGRAMME_EXPIRED',
    'CARNET_SIZE_NOT_ALLOWED',
    'ORDER_BELOW_MINIMUM',
    'ORDER_ABOVE_CAP',
  )
  create(@CurrentActor() actor: OrganisationActor, @Body() dto: CreateOrderDto) {
    return this.orders.create(actor, dto);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: PageOf(OrderDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListOrdersQuery) {
    return this.orders.list(actor, query);
  }

  @Get(':id')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.get(actor, id);
  }

  @Get(':id/ledger')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: OrderLedgerDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  ledger(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.ledgerOf(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('funder_manager')
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  submit(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  approve(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.orders.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  reject(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RejectOrderDto) {
    return this.orders.reject(actor, id, dto);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'PAYMENT_AMOUNT_MISMATCH', 'PAYMENT_DATE_IN_FUTURE')
  recordPayment(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RecordPaymentDto) {
    return this.orders.recordPayment(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: OrderDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  cancel(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelOrderDto) {
    return this.orders.cancel(actor, id, dto);
  }
}
