import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { CarnetsService } from './carnets.service';
import { ListCarnetsQuery } from './dto/list-carnets.query';
import { MoveCarnetsDto } from './dto/move-carnets.dto';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { CarnetDto } from './dto/carnet.dto';
import { CarnetMoveDto, CarnetStockDto } from './dto/carnet-stock.dto';
import { CarnetAlertsDto } from './dto/carnet-alerts.dto';

@ApiTags('carnets')
@ApiBearerAuth()
@Controller('carnets')
export class CarnetsController {
  constructor(private readonly carnets: CarnetsService) {}

  @Get('stock')
  @Roles('funder_manager', 'prescriber_agent')
  @ApiOkResponse({ type: CarnetStockDto })
  stock(@CurrentActor() actor: OrganisationActor) {
    return this.carnets.stock(actor);
  }

  @Get('alerts')
  @Roles('funder_manager', 'prescriber_agent')
  @ApiOperation({ summary: 'Carnets still in your stock that expire within 30 days (J-30) or can no longer be handed out (J-15)' })
  @ApiOkResponse({ type: CarnetAlertsDto })
  alerts(@CurrentActor() actor: OrganisationActor) {
    return this.carnets.alerts(actor);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager', 'prescriber_agent')
  @ApiOkResponse({ type: PageOf(CarnetDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListCarnetsQuery) {
    return this.carnets.list(actor, query);
  }

  @Post('allocations')
  @Roles('funder_manager')
  @ApiCreatedResponse({ type: CarnetMoveDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INSUFFICIENT_STOCK',
    'CARNETS_NOT_AVAILABLE',
    'INVALID_CARNET_RANGE',
    'CONCURRENT_MODIFICATION',
  )
  allocate(@CurrentActor() actor: OrganisationActor, @Body() dto: MoveCarnetsDto) {
    return this.carnets.allocate(actor, dto);
  }

  @Post('returns')
  @Roles('funder_manager')
  @ApiCreatedResponse({ type: CarnetMoveDto })
  @ApiErrors(
    'VALIDATION_FAILED',
    'NOT_FOUND',
    'INSUFFICIENT_STOCK',
    'CARNETS_NOT_AVAILABLE',
    'INVALID_CARNET_RANGE',
    'CONCURRENT_MODIFICATION',
  )
  takeBack(@CurrentActor() actor: OrganisationActor, @Body() dto: MoveCarnetsDto) {
    return this.carnets.takeBack(actor, dto);
  }
}
