import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ExpiryWarningsQuery } from './dto/expiry-warnings.query';
import { ExpiryService } from './expiry.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { JobRunDto } from '../job-runs/dto/job-run.dto';
import { ExpiryWarningPageDto } from './dto/expiry-warning.dto';

@ApiTags('expiry')
@ApiBearerAuth()
@Controller()
export class ExpiryController {
  constructor(private readonly expiry: ExpiryService) {}

  @Post('expiry-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  @ApiAcceptedResponse({ type: JobRunDto })
  requestRun(@CurrentActor() actor: OrganisationActor) {
    return this.expiry.requestRun(actor);
  }

  @Get('expiry-warnings')
  @Roles('anct_admin', 'funder_manager')
  @ApiOkResponse({ type: ExpiryWarningPageDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  warnings(@CurrentActor() actor: OrganisationActor, @Query() query: ExpiryWarningsQuery) {
    return this.expiry.warnings(actor, query);
  }
}
