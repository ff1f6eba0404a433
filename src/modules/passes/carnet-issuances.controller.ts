import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { CarnetIssuanceDto } from './dto/carnet-issuance.dto';
import { ListCarnetIssuancesQuery } from './dto/list-carnet-issuances.query';
import { PassesService } from './passes.service';

@ApiTags('passes')
@ApiBearerAuth()
@Controller('carnet-issuances')
export class CarnetIssuancesController {
  constructor(private readonly passes: PassesService) {}

  @Get()
  @Roles('prescriber_agent')
  @ApiOperation({
    summary: 'The carnets your structure handed out, newest first, with how many of their chèques are used, unused, expired or cancelled',
  })
  @ApiOkResponse({ type: PageOf(CarnetIssuanceDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListCarnetIssuancesQuery) {
    return this.passes.listIssuances(actor, query);
  }
}
