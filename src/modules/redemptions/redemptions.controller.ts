import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import type { IdempotentResponse } from '../../common/idempotency/idempotency.service';
import { CancelRedemptionDto } from './dto/cancel-redemption.dto';
import { CheckVoucherDto } from './dto/check-voucher.dto';
import { ListRedemptionsQuery } from './dto/list-redemptions.query';
import { OfflineBatchDto } from './dto/offline-batch.dto';
import { RedeemVouchersDto } from './dto/redeem-vouchers.dto';
import { OfflineSyncService } from './offline-sync.service';
import { RedemptionsService } from './redemptions.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: 'A new UUID per operation; the same one when retrying it (same body) returns the first answer.',
};

@ApiTags('redemptions')
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
  check(@CurrentActor() actor: Actor, @Body() dto: CheckVoucherDto) {
    return this.redemptions.check(actor, dto);
  }

  @Post()
  @Roles('venue_agent')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async redeem(
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: RedeemVouchersDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return send(response, await this.redemptions.redeem(actor, key, dto));
  }

  @Post('offline-batches')
  @Roles('venue_agent')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async submitOfflineBatch(
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: OfflineBatchDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return send(response, await this.offline.submit(actor, key, dto));
  }

  @Get()
  @Roles('venue_agent', 'anct_admin')
  list(@CurrentActor() actor: Actor, @Query() query: ListRedemptionsQuery) {
    return this.redemptions.list(actor, query);
  }

  @Get('totals')
  @Roles('venue_agent')
  totals(@CurrentActor() actor: Actor) {
    return this.redemptions.totals(actor);
  }

  @Get(':id')
  @Roles('venue_agent', 'anct_admin')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.redemptions.get(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('venue_agent')
  cancel(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelRedemptionDto) {
    return this.redemptions.cancel(actor, id, dto.reason);
  }
}

/** The stored or fresh answer of an idempotent request, with its own status (a stored refusal is answered as such). */
function send(response: FastifyReply, outcome: IdempotentResponse): unknown {
  response.status(outcome.status);
  if (outcome.replayed) response.header('Idempotent-Replayed', 'true');
  return outcome.body;
}
