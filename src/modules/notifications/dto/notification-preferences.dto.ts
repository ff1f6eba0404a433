import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kind';

export class NotificationPreferenceDto {
  @ApiProperty({ type: 'string', enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ type: 'string', example: 'Commande approuvée' })
  label: string;

  @ApiProperty({ type: 'boolean' })
  enabled: boolean;
}

/** The caller's settings, not a list resource: a short fixed set, named like the body of `PUT`. */
export class NotificationPreferencesDto {
  @ApiProperty({
    type: [NotificationPreferenceDto],
    description: 'The notifications users of your organisation may receive; invitations and password resets are always sent.',
  })
  preferences: NotificationPreferenceDto[];
}
