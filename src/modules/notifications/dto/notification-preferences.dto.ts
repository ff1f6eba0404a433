import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kind';

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ example: 'Commande approuvée' })
  label: string;

  @ApiProperty()
  enabled: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceDto], description: 'The notifications users of your organisation may receive; invitations and password resets are always sent.' })
  items: NotificationPreferenceDto[];
}
