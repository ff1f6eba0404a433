import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { InviteUserDto } from './dto/invite-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UsersService } from './users.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { InvitationDto, UserDto } from './dto/user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(...ANY_ROLE)
@UsersOnly()
@OrganisationAdminOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'EMAIL_ALREADY_USED')
  invite(@CurrentActor() actor: OrganisationActor, @Body() dto: InviteUserDto) {
    return this.users.invite(actor, dto.organisationId, {
      email: dto.email,
      displayName: dto.displayName,
      isOrganisationAdmin: dto.isOrganisationAdmin ?? false,
    });
  }

  @Get()
  @ApiOkResponse({ type: PageOf(UserDto) })
  @ApiErrors('VALIDATION_FAILED')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListUsersQuery) {
    return this.users.list(actor, query);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CANNOT_DEACTIVATE_SELF')
  deactivate(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.deactivate(actor, id);
  }
}
