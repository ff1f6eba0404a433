import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import type { IdempotentResponse } from '../../common/idempotency/idempotency.service';
import { CancelRedemptionDto } from './dto/cancel-redemption.dto';
import { CheckVoucherDto } from './dto/check-voucher.dto';
import { ListRedemptionsQuery } from './dto/list-redemptions.query';
import { OfflineBatchDto } from './dto/offline-batch.dto';
import { RedeemVouchersDto } from './dto/redeem-vouchers.dto';
import { OfflineSyncService } from './offline-sync.service';
import { RedemptionsService } from './redemptions.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { OfflineBatchReportDto } from './dto/offline-batch-report.dto';
import { RedemptionDto, RedemptionReceiptDto, RedemptionTotalsDto, VoucherCheckDto } from './dto/redemption.dto';
import { VoucherItemVerdictDto } from './dto/voucher-refusal.dto';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A new UUID per operation; the same one when retrying it (same body) returns the first answer.',
};

@ApiTags('redemptions')
@ApiExtraModels(VoucherItemVerdictDto)
@ApiBearerAuth()
@Controller('redemptions')
export class RedemptionsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly offline: OfflineSyncService,
  ) {}

  @Post('check')
  @HttpCode(200)
  @Roles('venue_agent')
  @ApiOperation({
    summary: 'What a chèque is and whether this venue may redeem it now (`refusal` says why not); a code that is no chèque is an error',
  })
  @ApiOkResponse({ type: VoucherCheckDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'UNKNOWN_SITE',
    'INVALID_CODE',
    'INVALID_SIGNATURE',
    'CHECK_CHARACTER_MISMATCH',
    'RATE_LIMITED',
  )
  check(@CurrentActor() actor: OrganisationActor, @Body() dto: CheckVoucherDto) {
    return this.redemptions.check(actor, dto);
  }

  @Post()
  @Roles('venue_agent')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary:
      'Redeem every chèque sent for one service, or none: a refusal names the first reason in `code` and details every chèque in `details.items` (VoucherItemVerdictDto[])',
  })
  @ApiCreatedResponse({ type: RedemptionReceiptDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'IDEMPOTENCY_KEY_REQUIRED',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    'RATE_LIMITED',
    'UNKNOWN_SERVICE',
    'UNKNOWN_SITE',
    'TOO_MANY_VOUCHERS_FOR_SERVICE',
    'DUPLICATE_VOUCHER_IN_REQUEST',
    'VENUE_NOT_QUALIFIED',
    'ALREADY_REDEEMED',
    'EXPIRED',
    'CANCELLED',
    'NOT_ISSUED',
    'OUTSIDE_TERRITORY',
    'INVALID_CODE',
    'INVALID_SIGNATURE',
    'CHECK_CHARACTER_MISMATCH',
  )
  async redeem(
    @CurrentActor() actor: OrganisationActor,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RedeemVouchersDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return send(response, await this.redemptions.redeem(actor, key, dto));
  }

  @Post('offline-batches')
  @HttpCode(200)
  @Roles('venue_agent')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: OfflineBatchReportDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'IDEMPOTENCY_KEY_REQUIRED',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    'RATE_LIMITED',
  )
  async submitOfflineBatch(
    @CurrentActor() actor: OrganisationActor,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: OfflineBatchDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return send(response, await this.offline.submit(actor, key, dto));
  }

  @Get()
  @Roles('venue_agent', 'anct_admin')
  @ApiOkResponse({ type: PageOf(RedemptionDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListRedemptionsQuery) {
    return this.redemptions.list(actor, query);
  }

  @Get('totals')
  @Roles('venue_agent')
  @ApiOkResponse({ type: RedemptionTotalsDto })
  totals(@CurrentActor() actor: OrganisationActor) {
    return this.redemptions.totals(actor);
  }

  @Get(':id')
  @Roles('venue_agent', 'anct_admin')
  @ApiOkResponse({ type: RedemptionDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.redemptions.get(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('venue_agent')
  @ApiOkResponse({ type: RedemptionDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'REDEMPTION_NOT_CANCELLABLE')
  cancel(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelRedemptionDto) {
    return this.redemptions.cancel(actor, id, dto.reason);
  }
}

/** The stored or fresh answer of an idempotent request, with its own status (a stored refusal is answered as such). */
function send(response: FastifyReply, outcome: IdempotentResponse): unknown {
  response.status(outcome.status);
  if (outcome.replayed) response.header('Idempotent-Replayed', 'true');
  return outcome.body;
}
