import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OrganisationActor } from '../../auth/actor';
import { CurrentActor, Roles, UsersOnly } from '../../auth/auth.decorators';
import { ANY_ROLE } from '../../auth/role-groups';
import { ApiErrors } from '../../common/errors/api-errors.decorator';
import { NotificationPreferencesDto } from './dto/notification-preferences.dto';
import { UpdateNotificationPreferencesDto } from './dto/update-notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-preferences')
@Roles(...ANY_ROLE)
@UsersOnly()
export class NotificationsController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  /** The e-mail notifications the caller may receive, and which are on. */
  @Get()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: OrganisationActor) {
    return this.preferences.get(actor);
  }

  /** Turns notifications on or off for the caller; the others are left as they are. */
  @Put()
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiErrors('VALIDATION_FAILED', 'NOTIFICATION_NOT_APPLICABLE')
  update(@CurrentActor() actor: OrganisationActor, @Body() dto: UpdateNotificationPreferencesDto) {
    return this.preferences.update(actor, dto.preferences);
  }
}
