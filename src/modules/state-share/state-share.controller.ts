import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { RecordStateSharePaymentDto } from './dto/record-state-share-payment.dto';
import { StateShareQuery } from './dto/state-share.query';
import { StateShareService } from './state-share.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { JobRunDto } from '../job-runs/dto/job-run.dto';
import { StateShareDto, StateSharePaymentDto } from './dto/state-share.dto';

@ApiTags('state-share')
@ApiBearerAuth()
@Controller()
export class StateShareController {
  constructor(private readonly stateShare: StateShareService) {}

  @Get('state-share')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: PageOf(StateShareDto) })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: StateShareQuery) {
    return this.stateShare.list(actor, query);
  }

  @Post('state-share-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  @ApiAcceptedResponse({ type: JobRunDto })
  requestRun(@CurrentActor() actor: OrganisationActor) {
    return this.stateShare.requestRun(actor);
  }

  @Post('state-share-payments')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: StateSharePaymentDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_PAYMENT_DATE', 'STATE_SHARE_PAYMENT_EXCEEDS_DUE')
  recordPayment(@CurrentActor() actor: OrganisationActor, @Body() dto: RecordStateSharePaymentDto) {
    return this.stateShare.recordPayment(actor, dto);
  }
}
