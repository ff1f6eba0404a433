import type { Redis } from 'ioredis';
import { loadAppConfig } from '../config/app-config';
import { systemActor } from './actor';
import { ActorCache, CachedActor, MAX_CACHED_ACTORS } from './actor-cache';

function cacheWith(ttlSeconds: number) {
  const publish = jest.fn().mockResolvedValue(1);
  const config = loadAppConfig({ AUTH_CACHE_TTL_SECONDS: String(ttlSeconds), REDIS_PREFIX: 'unit' });
  const cache = new ActorCache(config, { publish } as unknown as Redis);
  return { cache, publish };
}

/** A loader counting its database reads. */
function loader(result: CachedActor | null = { actor: systemActor('someone'), lastUsedAt: null }) {
  return jest.fn(async () => result);
}

describe('ActorCache', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('serves a caller from memory for the TTL, then reads it again', async () => {
    const { cache } = cacheWith(5);
    cache.startListening();
    const load = loader();
    await cache.resolve('user:1', load);
    jest.setSystemTime(4_999);
    await cache.resolve('user:1', load);
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(5_000);
    await cache.resolve('user:1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads the database every time when AUTH_CACHE_TTL_SECONDS is 0', async () => {
    const { cache } = cacheWith(0);
    cache.startListening();
    const load = loader();
    await cache.resolve('user:1', load);
    await cache.resolve('user:1', load);
    expect(cache.enabled).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing while invalidations cannot be heard', async () => {
    const { cache } = cacheWith(5);
    const load = loader();
    await cache.resolve('user:1', load);
    cache.startListening();
    await cache.resolve('user:1', load);
    cache.stopListening();
    await cache.resolve('user:1', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('never keeps a refusal', async () => {
    const { cache } = cacheWith(5);
    cache.startListening();
    const load = loader(null);
    expect(await cache.resolve('api-key:00', load)).toBeNull();
    await cache.resolve('api-key:00', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('holds at most MAX_CACHED_ACTORS callers, forgetting the oldest first', async () => {
    const { cache } = cacheWith(60);
    cache.startListening();
    for (let index = 0; index <= MAX_CACHED_ACTORS; index++) await cache.resolve(`user:${index}`, loader());
    const oldest = loader();
    const newest = loader();
    await cache.resolve('user:0', oldest);
    await cache.resolve(`user:${MAX_CACHED_ACTORS}`, newest);
    expect(oldest).toHaveBeenCalledTimes(1);
    expect(newest).not.toHaveBeenCalled();
  });

  it('forgets everything here at once and tells the other instances on the prefixed channel', async () => {
    const { cache, publish } = cacheWith(5);
    cache.startListening();
    const load = loader();
    await cache.resolve('user:1', load);
    await cache.invalidateEverywhere();
    await cache.resolve('user:1', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(publish).toHaveBeenCalledWith('unit:actor-cache:invalidated', expect.any(String));
  });

  it('does not keep what a look-up read before an invalidation it overlapped', async () => {
    const { cache } = cacheWith(5);
    cache.startListening();
    let finishRead!: (value: CachedActor) => void;
    const staleRead = cache.resolve('user:1', () => new Promise((resolve) => (finishRead = resolve)));
    cache.invalidateHere();
    finishRead({ actor: systemActor('before deactivation'), lastUsedAt: null });
    await staleRead;
    const load = loader();
    await cache.resolve('user:1', load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
