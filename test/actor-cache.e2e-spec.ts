import { Redis } from 'ioredis';
import { anctAdmin, bearer, funderManager, http, invitedColleague, LoggedIn } from './support/actors';
import { uniqueEmail } from './support/identifiers';
import { actorCacheChannel } from '../src/auth/actor-cache';
import { createPeerTestApp, createTestApp, TestApp } from './support/test-app';

/** Far longer than any test: a caller refused in time can only have been dropped by an invalidation. */
const settings = { AUTH_CACHE_TTL_SECONDS: '60' };
const PROMPTLY_MS = 2_000;

describe('Authenticated callers cached by several API instances', () => {
  let first: TestApp;
  let second: TestApp;
  let funder: LoggedIn;

  beforeAll(async () => {
    first = await createTestApp({ settings });
    second = await createPeerTestApp(first, settings);
    funder = await funderManager(first, await anctAdmin(first));
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const newColleague = () => invitedColleague(first, funder);

  async function newApiKey() {
    const created = await http(first).post('/api/v1/api-keys').set(bearer(funder.token)).send({ name: 'Caisse' }).expect(201);
    return { id: created.body.id as string, key: created.body.key as string, prefix: created.body.prefix as string };
  }

  /** Who `/api/v1/auth/me` says the caller is; its label is the user's e-mail or the key's prefix. */
  async function labelSeenBy(instance: TestApp, credentials: Record<string, string>): Promise<string> {
    return (await http(instance).get('/api/v1/auth/me').set(credentials).expect(200)).body.label;
  }

  async function refusedWithin(instance: TestApp, credentials: Record<string, string>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    do {
      if ((await http(instance).get('/api/v1/auth/me').set(credentials)).status === 401) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
    return false;
  }

  it('serves a caller from memory: a direct database edit is not seen before the TTL', async () => {
    const colleague = await newColleague();
    expect(await labelSeenBy(second, bearer(colleague.accessToken))).toBe(colleague.email);
    await first.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [colleague.id, uniqueEmail('renamed')]);
    expect(await labelSeenBy(second, bearer(colleague.accessToken))).toBe(colleague.email);
  });

  it('refuses a deactivated user at once on the instance that deactivated them', async () => {
    const colleague = await newColleague();
    await labelSeenBy(first, bearer(colleague.accessToken));
    await http(first).post(`/api/v1/users/${colleague.id}/deactivate`).set(bearer(funder.token)).expect(200);
    await http(first).get('/api/v1/auth/me').set(bearer(colleague.accessToken)).expect(401);
    await http(first).post('/api/v1/auth/refresh').send({ refreshToken: colleague.refreshToken }).expect(401);
  });

  it('refuses a user deactivated through one instance on the other within moments', async () => {
    const colleague = await newColleague();
    const credentials = bearer(colleague.accessToken);
    await labelSeenBy(first, credentials);
    await labelSeenBy(second, credentials);
    // Proves the second instance answers from its cache, which only the invalidation message can empty.
    await first.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [colleague.id, uniqueEmail('renamed')]);
    expect(await labelSeenBy(second, credentials)).toBe(colleague.email);

    await http(first).post(`/api/v1/users/${colleague.id}/deactivate`).set(bearer(funder.token)).expect(200);
    await http(first).get('/api/v1/auth/me').set(credentials).expect(401);
    expect(await refusedWithin(second, credentials, PROMPTLY_MS)).toBe(true);
  });

  it('refuses an API key revoked through one instance on the other within moments', async () => {
    const apiKey = await newApiKey();
    const credentials = { 'X-Api-Key': apiKey.key };
    await labelSeenBy(first, credentials);
    await labelSeenBy(second, credentials);
    await first.dataSource.query(`UPDATE api_keys SET prefix = 'pn_edited' WHERE id = $1`, [apiKey.id]);
    expect(await labelSeenBy(second, credentials)).toBe(`api-key:${apiKey.prefix}`);

    await http(first).delete(`/api/v1/api-keys/${apiKey.id}`).set(bearer(funder.token)).expect(200);
    await http(first).get('/api/v1/auth/me').set(credentials).expect(401);
    expect(await refusedWithin(second, credentials, PROMPTLY_MS)).toBe(true);
  });

  it('forgets every cached caller when its subscription is cut, since invalidations may have been missed', async () => {
    const colleague = await newColleague();
    const credentials = bearer(colleague.accessToken);
    await labelSeenBy(second, credentials);
    const renamed = uniqueEmail('renamed');
    await first.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [colleague.id, renamed]);

    const redis = new Redis(first.config.REDIS_URL);
    try {
      const subscriberName = `${actorCacheChannel(first.config.REDIS_PREFIX)}:subscriber`;
      const clients = (await redis.client('LIST')) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` name=${subscriberName} `))
        .map((line) => /^id=(\d+)/.exec(line)![1]);
      expect(ids).toHaveLength(2);
      await redis.client('KILL', 'ID', ids[0]);
      await redis.client('KILL', 'ID', ids[1]);
    } finally {
      redis.disconnect();
    }
    const deadline = Date.now() + PROMPTLY_MS;
    let label = await labelSeenBy(second, credentials);
    while (label !== renamed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      label = await labelSeenBy(second, credentials);
    }
    expect(label).toBe(renamed);

    // Once subscribed again it caches again: a rename made after a request is then not seen by the next one.
    let servedFromCache = false;
    let current = renamed;
    while (!servedFromCache && Date.now() < deadline + PROMPTLY_MS) {
      await labelSeenBy(second, credentials);
      const next = uniqueEmail('renamed');
      await first.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [colleague.id, next]);
      servedFromCache = (await labelSeenBy(second, credentials)) === current;
      current = next;
    }
    expect(servedFromCache).toBe(true);
  });

  it('records when an API key was last used, to the minute rather than on every request', async () => {
    const apiKey = await newApiKey();
    const lastUsedAt = async (): Promise<Date | null> =>
      (await first.dataSource.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [apiKey.id]))[0].last_used_at;
    await labelSeenBy(first, { 'X-Api-Key': apiKey.key });
    // The write does not hold the request up: wait for it.
    const deadline = Date.now() + PROMPTLY_MS;
    while (!(await lastUsedAt()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const recorded = await lastUsedAt();
    expect(recorded).toBeInstanceOf(Date);

    await labelSeenBy(first, { 'X-Api-Key': apiKey.key });
    await labelSeenBy(second, { 'X-Api-Key': apiKey.key });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lastUsedAt()).toEqual(recorded);
  });
});
