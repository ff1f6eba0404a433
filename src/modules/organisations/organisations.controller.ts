import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { CreateFunderDto } from './dto/create-funder.dto';
import { CreatePrescriberDto } from './dto/create-prescriber.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationsService } from './organisations.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { CreatedOrganisationDto, OrganisationDto } from './dto/organisation.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('funders')
  @Roles('anct_admin')
  @UsersOnly()
  @ApiCreatedResponse({ type: CreatedOrganisationDto })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_SIREN', 'SIREN_ALREADY_REGISTERED', 'EMAIL_ALREADY_USED')
  createFunder(@Body() dto: CreateFunderDto) {
    return this.organisations.createFunder(dto);
  }

  @Post('prescribers')
  @Roles('funder_manager')
  @ApiCreatedResponse({
    type: CreatedOrganisationDto,
    description: 'The new structure, or an existing one (same SIRET) now linked to the funder.',
  })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_SIRET', 'SIRET_ALREADY_REGISTERED', 'EMAIL_ALREADY_USED')
  createPrescriber(@CurrentActor() actor: OrganisationActor, @Body() dto: CreatePrescriberDto) {
    return this.organisations.createOrLinkPrescriber(actor, dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOkResponse({ type: PageOf(OrganisationDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListOrganisationsQuery) {
    return this.organisations.list(actor, query);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  get(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.organisations.get(actor, id);
  }
}
