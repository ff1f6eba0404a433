import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ExpiryWarningsQuery } from './dto/expiry-warnings.query';
import { ExpiryService } from './expiry.service';

@ApiTags('expiry')
@ApiBearerAuth()
@Controller()
export class ExpiryController {
  constructor(private readonly expiry: ExpiryService) {}

  @Post('expiry-runs')
  @HttpCode(202)
  @Roles('anct_admin')
  requestRun(@CurrentActor() actor: Actor) {
    return this.expiry.requestRun(actor);
  }

  @Get('expiry-warnings')
  @Roles('anct_admin', 'funder_manager')
  warnings(@CurrentActor() actor: Actor, @Query() query: ExpiryWarningsQuery) {
    return this.expiry.warnings(actor, query);
  }
}
