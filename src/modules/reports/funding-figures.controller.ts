import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { FundingFiguresDto } from './dto/funding-figures.dto';
import { FundingFiguresQuery } from './dto/funding-figures.query';
import { FundingFiguresService } from './funding-figures.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('funding-figures')
@Roles('anct_admin', 'funder_manager')
export class FundingFiguresController {
  constructor(private readonly figures: FundingFiguresService) {}

  /** The dashboards' figures, now: those a funding report of the same scope would hold. */
  @Get()
  @ApiOkResponse({ type: FundingFiguresDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: Actor, @Query() query: FundingFiguresQuery) {
    return this.figures.figures(actor, query);
  }
}
