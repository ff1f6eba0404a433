import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor, OrganisationAdminOnly, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { InviteUserDto } from './dto/invite-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(...ANY_ROLE)
@UsersOnly()
@OrganisationAdminOnly()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteUserDto) {
    return this.users.invite(actor, dto.organisationId, {
      email: dto.email,
      displayName: dto.displayName,
      isOrganisationAdmin: dto.isOrganisationAdmin ?? false,
    });
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery) {
    return this.users.list(actor, query.organisationId);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.deactivate(actor, id);
  }
}
