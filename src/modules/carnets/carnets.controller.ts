import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { CarnetsService } from './carnets.service';
import { ListCarnetsQuery } from './dto/list-carnets.query';
import { MoveCarnetsDto } from './dto/move-carnets.dto';

@ApiTags('carnets')
@ApiBearerAuth()
@Controller('carnets')
export class CarnetsController {
  constructor(private readonly carnets: CarnetsService) {}

  @Get('stock')
  @Roles('funder_manager', 'prescriber_agent')
  stock(@CurrentActor() actor: Actor) {
    return this.carnets.stock(actor);
  }

  @Get()
  @Roles('anct_admin', 'funder_manager', 'prescriber_agent')
  list(@CurrentActor() actor: Actor, @Query() query: ListCarnetsQuery) {
    return this.carnets.list(actor, query);
  }

  @Post('allocations')
  @Roles('funder_manager')
  allocate(@CurrentActor() actor: Actor, @Body() dto: MoveCarnetsDto) {
    return this.carnets.allocate(actor, dto);
  }

  @Post('returns')
  @Roles('funder_manager')
  takeBack(@CurrentActor() actor: Actor, @Body() dto: MoveCarnetsDto) {
    return this.carnets.takeBack(actor, dto);
  }
}
