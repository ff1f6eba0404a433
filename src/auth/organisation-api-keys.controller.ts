import { Controller, Delete, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { PageOf } from '../common/http/page.dto';
import { PaginationQuery } from '../common/http/pagination.query';
import type { OrganisationActor } from './actor';
import { ApiKeysService } from './api-keys.service';
import { CurrentActor, Roles, UsersOnly } from './auth.decorators';
import { ApiKeyDto } from './dto/api-key.dto';

/**
 * ANCT's oversight of the keys each organisation made for its software: it sees them (never their
 * secret) and revokes one that leaked or is no longer used. Only the organisation itself creates keys.
 */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('organisations/:organisationId/api-keys')
@Roles('anct_admin')
@UsersOnly()
export class OrganisationApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: PageOf(ApiKeyDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(
    @CurrentActor() actor: OrganisationActor,
    @Param('organisationId', new ParseUUIDPipe()) organisationId: string,
    @Query() query: PaginationQuery,
  ) {
    return this.apiKeys.list(actor, query, organisationId);
  }

  @Delete(':id')
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  revoke(
    @CurrentActor() actor: OrganisationActor,
    @Param('organisationId', new ParseUUIDPipe()) organisationId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    return this.apiKeys.revoke(actor, id, organisationId);
  }
}
