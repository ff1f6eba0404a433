import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Keys for the software of funders, prescribers and venues (e.g. a venue's till or scanning app). */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
@Roles('funder_manager', 'prescriber_agent', 'venue_agent')
@UsersOnly()
@OrganisationAdminOnly()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto) {
    return this.apiKeys.create(actor, dto.name);
  }

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.apiKeys.list(actor);
  }

  @Delete(':id')
  revoke(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.apiKeys.revoke(actor, id);
  }
}
