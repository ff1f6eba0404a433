import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { RecordStateSharePaymentDto } from './dto/record-state-share-payment.dto';
import { StateShareLineDto } from './dto/state-share-line.dto';
import { StateShareQuery } from './dto/state-share.query';
import { StateShareService } from './state-share.service';

@ApiTags('state-share')
@ApiBearerAuth()
@Controller()
export class StateShareController {
  constructor(private readonly stateShare: StateShareService) {}

  @Get('state-share')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: [StateShareLineDto] })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND' })
  list(@CurrentActor() actor: Actor, @Query() query: StateShareQuery) {
    return this.stateShare.list(actor, query.programmeId);
  }

  @Post('state-share-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  requestRun(@CurrentActor() actor: Actor) {
    return this.stateShare.requestRun(actor);
  }

  @Post('state-share-payments')
  @Roles('anct_admin')
  @UsersOnly()
  recordPayment(@CurrentActor() actor: Actor, @Body() dto: RecordStateSharePaymentDto) {
    return this.stateShare.recordPayment(actor, dto);
  }
}
