import { Global, Module } from '@nestjs/common';
import { MailTransport } from './mail-transport';
import { NotificationDigestsRepository } from './notification-digests.repository';
import { NotificationDigestsService } from './notification-digests.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** Global: every domain writes its e-mails to the outbox in its own transactions through NotificationsService. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationPreferencesService,
    OutboxRepository,
    OutboxService,
    MailTransport,
    NotificationDigestsRepository,
    NotificationDigestsService,
  ],
  exports: [NotificationsService, OutboxService, NotificationDigestsService],
})
export class NotificationsModule {}
