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

  async record(key: string, windowSeconds: number): Promise<CounterState> {
    // SET NX opens the window on the first failure only; the three commands run atomically.
    const results = (await this.redis.multi().set(key, 0, 'EX', windowSeconds, 'NX').incr(key).ttl(key).exec()) ?? [];
    const count = Number(results[1]?.[1] ?? 0);
    const ttl = Number(results[2]?.[1] ?? windowSeconds);
    return { count, retryAfterSeconds: Math.max(1, ttl) };
  }

  /** The highest count among the keys, with the time until that key's window ends. */
  async peek(keys: string[]): Promise<CounterState> {
    const pipeline = this.redis.multi();
    keys.forEach((key) => pipeline.get(key).ttl(key));
    const results = ((await pipeline.exec()) ?? []).map(([, value]) => value);
    let worst: CounterState = { count: 0, retryAfterSeconds: 0 };
    for (let i = 0; i < keys.length; i++) {
      const count = Number(results[2 * i] ?? 0);
      if (count > worst.count) worst = { count, retryAfterSeconds: Math.max(1, Number(results[2 * i + 1])) };
    }
    return worst;
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
