import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from '../../auth/auth.decorators';
import { PaginationQuery } from '../../common/http/pagination.query';
import { ConfirmPaymentBatchDto } from './dto/confirm-payment-batch.dto';
import { CreatePaymentBatchDto } from './dto/create-payment-batch.dto';
import { RegisterBankAccountDto } from './dto/register-bank-account.dto';
import { PaymentsService } from './payments.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { ApiFile } from '../../common/http/api-file.decorator';
import { PageOf } from '../../common/http/page.dto';
import { BankAccountDto, PaymentBatchDto } from './dto/payment-batch.dto';

@ApiTags('reimbursements')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Put('venues/:venueId/bank-account')
  @Roles('venue_agent')
  @UsersOnly()
  @OrganisationAdminOnly()
  @ApiOkResponse({ type: BankAccountDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_IBAN', 'INVALID_BIC')
  registerBankAccount(
    @CurrentActor() actor: OrganisationActor,
    @Param('venueId', new ParseUUIDPipe()) venueId: string,
    @Body() dto: RegisterBankAccountDto,
  ) {
    return this.payments.registerBankAccount(actor, venueId, dto);
  }

  @Get('venues/:venueId/bank-account')
  @Roles('anct_admin', 'venue_agent')
  @ApiOkResponse({ type: BankAccountDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  getBankAccount(@CurrentActor() actor: OrganisationActor, @Param('venueId', new ParseUUIDPipe()) venueId: string) {
    return this.payments.getBankAccount(actor, venueId);
  }

  @Post('payment-batches')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: PaymentBatchDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INVALID_EXECUTION_DATE',
    'STATEMENTS_NOT_PAYABLE',
    'VENUE_BANK_ACCOUNT_MISSING',
    'SEPA_INVALID_INPUT',
  )
  createBatch(@CurrentActor() actor: OrganisationActor, @Body() dto: CreatePaymentBatchDto) {
    return this.payments.createBatch(actor, dto);
  }

  @Get('payment-batches')
  @Roles('anct_admin')
  @ApiOkResponse({ type: PageOf(PaymentBatchDto) })
  @ApiErrors('VALIDATION_FAILED')
  listBatches(@Query() query: PaginationQuery) {
    return this.payments.listBatches(query);
  }

  @Get('payment-batches/:id')
  @Roles('anct_admin')
  @ApiOkResponse({ type: PaymentBatchDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  getBatch(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.getBatch(id);
  }

  @Get('payment-batches/:id/sepa.xml')
  @Roles('anct_admin')
  @ApiFile('application/xml', 'The pain.001.001.03 SEPA credit transfer file.')
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async sepaFile(@Param('id', new ParseUUIDPipe()) id: string) {
    const { xml, fileName } = await this.payments.sepaFile(id);
    return new StreamableFile(Buffer.from(xml, 'utf8'), {
      type: 'application/xml; charset=utf-8',
      disposition: `attachment; filename="${fileName}"`,
    });
  }

  @Post('payment-batches/:id/confirm')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: PaymentBatchDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'INVALID_EXECUTION_DATE')
  confirmBatch(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ConfirmPaymentBatchDto,
  ) {
    return this.payments.confirmBatch(actor, id, dto);
  }

  @Post('payment-batches/:id/cancel')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: PaymentBatchDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  cancelBatch(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.payments.cancelBatch(actor, id);
  }
}
