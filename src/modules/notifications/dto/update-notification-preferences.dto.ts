import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kind';

export class NotificationChoiceDto {
  @ApiProperty({ type: 'string', enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty({ type: 'boolean' })
  @IsBoolean()
  enabled: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: [NotificationChoiceDto] })
  @ValidateNested({ each: true })
  @Type(() => NotificationChoiceDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  preferences: NotificationChoiceDto[];
}
