import { Module } from '@nestjs/common';
import { NotificationsProcessor } from './notifications.processor';

/** Worker only: consumes the `notifications` queue. */
@Module({ providers: [NotificationsProcessor] })
export class NotificationsJobsModule {}
