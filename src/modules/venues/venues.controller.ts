import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Public, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ApplyVenueDto } from './dto/apply-venue.dto';
import { CreateVenueServiceDto } from './dto/create-venue-service.dto';
import { CreateVenueSiteDto } from './dto/create-venue-site.dto';
import { UpdateVenueSiteDto } from './dto/update-venue-site.dto';
import { ListVenuesQuery } from './dto/list-venues.query';
import { QualificationDecisionDto } from './dto/qualification-decision.dto';
import { VenueApplicationLimitGuard } from './venue-application-limit.guard';
import { VenuesService } from './venues.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { OrganisationDto } from '../organisations/dto/organisation.dto';
import { VenueApplicationDto, VenueProfileDto, VenueServiceDto, VenueSiteDto } from './dto/venue.dto';

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Public()
  @Post('applications')
  @UseGuards(VenueApplicationLimitGuard)
  @ApiOperation({
    summary: 'Public: a venue applies, pending qualification.',
    description:
      "Its first administrator's invitation is e-mailed to `admin.email` only; the answer says where it went, never its link or token.",
  })
  @ApiCreatedResponse({ type: VenueApplicationDto })
  @ApiErrors('VALIDATION_FAILED', 'RATE_LIMITED', 'INVALID_SIRET', 'SIRET_ALREADY_REGISTERED', 'EMAIL_ALREADY_USED')
  apply(@Body() dto: ApplyVenueDto) {
    return this.venues.apply(dto);
  }

  @Get()
  @Roles('anct_admin')
  @ApiOkResponse({ type: PageOf(OrganisationDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@Query() query: ListVenuesQuery) {
    return this.venues.list(query);
  }

  @Get(':id')
  @Roles('anct_admin', 'venue_agent')
  @ApiOkResponse({ type: VenueProfileDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.venues.get(actor, id);
  }

  @Post(':id/qualification')
  @HttpCode(200)
  @Roles('anct_admin')
  @UsersOnly()
  @ApiOkResponse({ type: VenueProfileDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  decide(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: QualificationDecisionDto) {
    return this.venues.decide(id, dto, actor.userId);
  }

  @Post(':id/sites')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiCreatedResponse({ type: VenueSiteDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  addSite(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateVenueSiteDto) {
    return this.venues.addSite(actor, id, dto);
  }

  @Put(':id/sites/:siteId')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiOperation({ summary: 'Replace a site’s address, hours and standard fields (the whole site, as its form sends it).' })
  @ApiOkResponse({ type: VenueSiteDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'UNKNOWN_COMMUNE')
  updateSite(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('siteId', new ParseUUIDPipe()) siteId: string,
    @Body() dto: UpdateVenueSiteDto,
  ) {
    return this.venues.updateSite(actor, id, siteId, dto);
  }

  @Post(':id/sites/:siteId/deactivate')
  @HttpCode(200)
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiOkResponse({ type: VenueSiteDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  deactivateSite(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('siteId', new ParseUUIDPipe()) siteId: string,
  ) {
    return this.venues.deactivateSite(actor, id, siteId);
  }

  @Post(':id/services')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiCreatedResponse({ type: VenueServiceDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  addService(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateVenueServiceDto) {
    return this.venues.addService(actor, id, dto);
  }

  @Put(':id/services/:serviceId')
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiOkResponse({ type: VenueServiceDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  updateService(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('serviceId', new ParseUUIDPipe()) serviceId: string,
    @Body() dto: CreateVenueServiceDto,
  ) {
    return this.venues.updateService(actor, id, serviceId, dto);
  }

  @Post(':id/services/:serviceId/deactivate')
  @HttpCode(200)
  @Roles('anct_admin', 'venue_agent')
  @OrganisationAdminOnly()
  @ApiOkResponse({ type: VenueServiceDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_STATE_TRANSITION')
  deactivateService(
    @CurrentActor() actor: OrganisationActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('serviceId', new ParseUUIDPipe()) serviceId: string,
  ) {
    return this.venues.deactivateService(actor, id, serviceId);
  }
}
