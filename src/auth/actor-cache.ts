import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ExpiringMap } from '../common/cache/expiring-map';
import { AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from '../redis/redis.module';
import type { Actor } from './actor';

/** Far more people and tills than are active within one TTL on a national install; an entry weighs well under 1 kB. */
export const MAX_CACHED_ACTORS = 10_000;

export interface CachedActor {
  actor: Actor;
  /** API keys only: when the key's use was last written to the database ("last used" is kept to the minute). */
  lastUsedAt: Date | null;
}

export function actorCacheChannel(redisPrefix: string): string {
  return `${redisPrefix}:actor-cache:invalidated`;
}

/**
 * Authenticated callers (`user:<id>`, `api-key:<sha256 hex>`) kept in memory for AUTH_CACHE_TTL_SECONDS,
 * so that a request does not cost a PostgreSQL round trip to learn who sent it. Entries are only kept
 * while ActorCacheSubscriber hears the invalidations published by every instance: without it (the
 * worker, or Redis unreachable) each call reads the database.
 */
@Injectable()
export class ActorCache {
  private readonly logger = new Logger(ActorCache.name);
  private readonly entries: ExpiringMap<CachedActor> | null;
  readonly channel: string;
  private listening = false;
  /** Bumped by every invalidation: a look-up that began before one may have read what it undid, and must not be kept. */
  private generation = 0;

  constructor(
    config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {
    const ttlMs = config.AUTH_CACHE_TTL_SECONDS * 1000;
    this.entries = ttlMs > 0 ? new ExpiringMap<CachedActor>(ttlMs, MAX_CACHED_ACTORS) : null;
    this.channel = actorCacheChannel(config.REDIS_PREFIX);
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  /**
   * The cached caller, else what `load` reads. Refusals are never kept: random keys must not fill the
   * map, and someone let back in (a new key, an accepted invitation) must not wait for the TTL.
   */
  async resolve(key: string, load: () => Promise<CachedActor | null>): Promise<CachedActor | null> {
    if (!this.entries || !this.listening) return load();
    const cached = this.entries.get(key, Date.now());
    if (cached) return cached;
    const generation = this.generation;
    const loaded = await load();
    if (loaded && generation === this.generation) this.entries.set(key, loaded, Date.now());
    return loaded;
  }

  /**
   * Call after a change that can lock someone out has committed (before, a concurrent request could
   * cache the old state again). This instance forgets at once; the others when the message reaches them.
   */
  async invalidateEverywhere(): Promise<void> {
    this.invalidateHere();
    try {
      await this.redis.publish(this.channel, 'all');
    } catch (error) {
      // The change is committed and must not be reported as failed; other instances that cannot hear
      // Redis have stopped caching anyway (ActorCacheSubscriber).
      this.logger.error(
        `Could not publish on ${this.channel}: other API instances may admit the caller for up to AUTH_CACHE_TTL_SECONDS (${(error as Error).message})`,
      );
    }
  }

  invalidateHere(): void {
    this.generation += 1;
    this.entries?.clear();
  }

  /** Invalidations are heard from now on; any sent while they were not are covered by forgetting everything. */
  startListening(): void {
    this.invalidateHere();
    this.listening = true;
  }

  /** Invalidations may be missed from now on: nothing cached can be trusted, and nothing more is kept. */
  stopListening(): void {
    this.listening = false;
    this.invalidateHere();
  }
}
