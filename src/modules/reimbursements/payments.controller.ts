import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { ConfirmPaymentBatchDto } from './dto/confirm-payment-batch.dto';
import { CreatePaymentBatchDto } from './dto/create-payment-batch.dto';
import { RegisterBankAccountDto } from './dto/register-bank-account.dto';
import { PaymentsService } from './payments.service';

@ApiTags('reimbursements')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Put('venues/:venueId/bank-account')
  @Roles('venue_agent')
  @UsersOnly()
  @OrganisationAdminOnly()
  registerBankAccount(@CurrentActor() actor: Actor, @Param('venueId', new ParseUUIDPipe()) venueId: string, @Body() dto: RegisterBankAccountDto) {
    return this.payments.registerBankAccount(actor, venueId, dto);
  }

  @Get('venues/:venueId/bank-account')
  @Roles('anct_admin', 'venue_agent')
  getBankAccount(@CurrentActor() actor: Actor, @Param('venueId', new ParseUUIDPipe()) venueId: string) {
    return this.payments.getBankAccount(actor, venueId);
  }

  @Post('payment-batches')
  @Roles('anct_admin')
  @UsersOnly()
  createBatch(@CurrentActor() actor: Actor, @Body() dto: CreatePaymentBatchDto) {
    return this.payments.createBatch(actor, dto);
  }

  @Get('payment-batches')
  @Roles('anct_admin')
  listBatches(@Query() query: PaginationQuery) {
    return this.payments.listBatches(query);
  }

  @Get('payment-batches/:id')
  @Roles('anct_admin')
  getBatch(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.getBatch(id);
  }

  @Get('payment-batches/:id/sepa.xml')
  @Roles('anct_admin')
  @ApiProduces('application/xml')
  async sepaFile(@Param('id', new ParseUUIDPipe()) id: string) {
    const { xml, fileName } = await this.payments.sepaFile(id);
    return new StreamableFile(Buffer.from(xml, 'utf8'), { type: 'application/xml; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }

  @Post('payment-batches/:id/confirm')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  confirmBatch(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ConfirmPaymentBatchDto) {
    return this.payments.confirmBatch(actor, id, dto);
  }

  @Post('payment-batches/:id/cancel')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  cancelBatch(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.cancelBatch(actor, id);
  }
}
