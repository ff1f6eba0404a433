import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { InviteUserDto } from './dto/invite-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UsersService } from './users.service';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { PageOf } from '../../common/http/page.dto';
import { InvitationDto, UserDto } from './dto/user.dto';

/**
 * People of an organisation. Who may manage whose people is one rule, `peopleAccess` (users.rules.ts): an
 * organisation's administrators their own, ANCT's administrators anyone's, a funder's managers those of its
 * prescriber structures; so the administrator check is the service's, for every action here.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(...ANY_ROLE)
@UsersOnly()
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
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  list(@CurrentActor() actor: OrganisationActor, @Query() query: ListUsersQuery) {
    return this.users.list(actor, query);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationDto, description: 'A new link, valid 7 days, e-mailed again; the previous link stops working.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVITATION_NOT_PENDING')
  resendInvitation(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.resendInvitation(actor, id);
  }

  @Delete(':id/invitation')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The invitation is cancelled and the invited user deleted: the address is free again.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVITATION_NOT_PENDING')
  async cancelInvitation(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.users.cancelInvitation(actor, id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: 'The person can no longer sign in; their refresh tokens are revoked.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CANNOT_DEACTIVATE_SELF')
  deactivate(@CurrentActor() actor: OrganisationActor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.users.deactivate(actor, id);
  }
}
