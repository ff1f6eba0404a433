import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { CreateFunderDto } from './dto/create-funder.dto';
import { CreatePrescriberDto } from './dto/create-prescriber.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('funders')
  @Roles('anct_admin')
  @UsersOnly()
  createFunder(@Body() dto: CreateFunderDto) {
    return this.organisations.createFunder(dto);
  }

  @Post('prescribers')
  @Roles('funder_manager')
  createPrescriber(@CurrentActor() actor: Actor, @Body() dto: CreatePrescriberDto) {
    return this.organisations.createOrLinkPrescriber(actor, dto);
  }

  @Get()
  @Roles(...ANY_ROLE)
  list(@CurrentActor() actor: Actor, @Query() query: ListOrganisationsQuery) {
    return this.organisations.list(actor, query);
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.organisations.get(actor, id);
  }
}
