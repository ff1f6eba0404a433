import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { onRedisError, onRedisReady } from './redis-connection-errors';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** The shared Redis connection for counters and locks (BullMQ opens its own connections). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      // Auto-pipelining: the commands concurrent requests send in one tick (the anti-guessing check of every
      // redemption) leave in one write, not one each.
      useFactory: (config: AppConfig) => {
        const redis = new Redis(config.REDIS_URL, {
          keyPrefix: `${config.REDIS_PREFIX}:`,
          maxRetriesPerRequest: 2,
          enableOfflineQueue: true,
          enableAutoPipelining: true,
        });
        redis.on('error', onRedisError('shared connection'));
        redis.on('ready', onRedisReady);
        return redis;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
