import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { PaginationQuery } from '../common/http/pagination.query';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from './actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from './auth.decorators';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { PageOf } from '../common/http/page.dto';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

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
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors('VALIDATION_FAILED')
  create(@CurrentActor() actor: OrganisationActor, @Body() dto: CreateApiKeyDto) {
    return this.apiKeys.create(actor, dto.name);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(ApiKeyDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: PaginationQuery) {
    return this.apiKeys.list(actor, query);
  }

  @Delete(':id')
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  revoke(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.apiKeys.revoke(actor, id);
  }
}
