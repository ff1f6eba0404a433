import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { DormantStockService } from './dormant-stock.service';
import { DormantStockPageDto, DormantStockQuery } from './dto/dormant-stock.dto';

@ApiTags('carnets')
@ApiBearerAuth()
@Controller('carnets')
export class DormantStockController {
  constructor(private readonly dormant: DormantStockService) {}

  @Get('dormant-stock')
  @Roles('funder_manager')
  @ApiOkResponse({ type: DormantStockPageDto })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: DormantStockQuery) {
    return this.dormant.list(actor, query);
  }
}
