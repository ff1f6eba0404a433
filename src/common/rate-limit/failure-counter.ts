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

  /**
   * Several counters in one command (checked on every login and look-up of a chèque code). Their windows' ends
   * are only asked for when a counter has reached `max`, which callers rarely see.
   */
  async peekMany(keys: string[], max: readonly number[]): Promise<CounterState[]> {
    const counts = (await this.redis.mget(...keys)).map((count) => Number(count ?? 0));
    const reached = keys.filter((_, index) => counts[index] >= max[index]);
    const ttls = new Map(await Promise.all(reached.map(async (key) => [key, await this.redis.ttl(key)] as const)));
    return keys.map((key, index) => ({ count: counts[index], retryAfterSeconds: Math.max(1, ttls.get(key) ?? 1) }));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
