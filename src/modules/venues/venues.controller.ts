import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Public, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ApplyVenueDto } from './dto/apply-venue.dto';
import { CreateVenueServiceDto } from './dto/create-venue-service.dto';
import { CreateVenueSiteDto } from './dto/create-venue-site.dto';
import { ListVenuesQuery } from './dto/list-venues.query';
import { QualificationDecisionDto } from './dto/qualification-decision.dto';
import { VenueApplicationLimitGuard } from './venue-application-limit.guard';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Public()
  @Post('applications')
  @UseGuards(VenueApplicationLimitGuard)
  apply(@Body() dto: ApplyVenueDto) {
    return this.venues.apply(dto);
  }

  @Get()
  @Roles('anct_admin')
  list(@Query() query: ListVenuesQuery) {
    return this.venues.list(query);
  }

  @Get(':id')
  @Roles('anct_admin', 'venue_agent')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.venues.get(actor, id);
  }

  @Post(':id/qualification')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  decide(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: QualificationDecisionDto) {
    return this.venues.decide(id, dto, actor.userId);
  }

  @Post(':id/sites')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  addSite(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateVenueSiteDto) {
    return this.venues.addSite(actor, id, dto);
  }

  @Post(':id/sites/:siteId/deactivate')
  @HttpCode(200)
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  deactivateSite(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('siteId', new ParseUUIDPipe()) siteId: string,
  ) {
    return this.venues.deactivateSite(actor, id, siteId);
  }

  @Post(':id/services')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  addService(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateVenueServiceDto) {
    return this.venues.addService(actor, id, dto);
  }

  @Post(':id/services/:serviceId/deactivate')
  @HttpCode(200)
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  deactivateService(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('serviceId', new ParseUUIDPipe()) serviceId: string,
  ) {
    return this.venues.deactivateService(actor, id, serviceId);
  }
}
