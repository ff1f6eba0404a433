import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../../redis/redis.module';

export interface CounterState {
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts failures (wrong passwords, unknown voucher codes) per key in fixed windows held in Redis,
 * so that every API instance sees the same counts.
 */
@Injectable()
export class FailureCounter {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** `amount` > 1 records several failures at once (e.g. the unknown codes of one offline batch). */
  async record(key: string, windowSeconds: number, amount = 1): Promise<CounterState> {
    // SET NX opens the window on the first failure only; the three commands run atomically.
    const results = (await this.redis.multi().set(key, 0, 'EX', windowSeconds, 'NX').incrby(key, amount).ttl(key).exec()) ?? [];
    const count = Number(results[1]?.[1] ?? 0);
    const ttl = Number(results[2]?.[1] ?? windowSeconds);
    return { count, retryAfterSeconds: Math.max(1, ttl) };
  }

  async peek(key: string): Promise<CounterState> {
    const [[, count], [, ttl]] = ((await this.redis.multi().get(key).ttl(key).exec()) ?? []) as [unknown, unknown][];
    return { count: Number(count ?? 0), retryAfterSeconds: Math.max(1, Number(ttl)) };
  }

  /** Several counters in one round trip (checked on every look-up of a chèque code). */
  async peekMany(keys: string[]): Promise<CounterState[]> {
    const transaction = this.redis.multi();
    for (const key of keys) transaction.get(key).ttl(key);
    const results = ((await transaction.exec()) ?? []) as [unknown, unknown][];
    return keys.map((_, index) => ({
      count: Number(results[2 * index]?.[1] ?? 0),
      retryAfterSeconds: Math.max(1, Number(results[2 * index + 1]?.[1])),
    }));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
