import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { QueueConnectionWatch } from './queue-connection-watch';
import { ALL_QUEUE_NAMES } from './queue-names';

/** Default job options: retried with exponential backoff, finished jobs trimmed (their outcome is in PostgreSQL). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 86_400, count: 1000 },
  removeOnFail: { age: 30 * 86_400 },
};

const queues = BullModule.registerQueue(...ALL_QUEUE_NAMES.map((name) => ({ name })));

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `${config.REDIS_PREFIX}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    queues,
    DiscoveryModule,
  ],
  providers: [QueueConnectionWatch],
  exports: [queues],
})
export class QueueModule {}
