import { Redis } from 'ioredis';
import { AppConfig, ConfigError, loadAppConfig } from '../config/app-config';
import { DatabaseUnreachableError, ensureDatabase } from '../database/ensure-database';
import { runPendingMigrations } from '../database/run-migrations';

/**
 * Checks everything a process needs before Nest starts, so that a bad setting or a stopped
 * PostgreSQL/Redis ends the start with one clear sentence and a non-zero exit — not a stack trace.
 */
export async function preflight(processRole: string): Promise<AppConfig> {
  try {
    const config = loadAppConfig(process.env);
    await ensureDatabase(config.DATABASE_URL);
    await checkRedis(config.REDIS_URL);
    const applied = await runPendingMigrations(config);
    if (applied.length > 0) process.stdout.write(`${processRole}: applied migrations ${applied.join(', ')}\n`);
    return config;
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof DatabaseUnreachableError || error instanceof RedisUnreachableError;
    const sentence = known ? (error as Error).message : `unexpected error during start-up: ${(error as Error).message}`;
    process.stderr.write(`Pass numérique ${processRole} cannot start: ${sentence}\n`);
    process.exit(1);
  }
}

class RedisUnreachableError extends Error {}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const target = new URL(url);
    throw new RedisUnreachableError(
      `Redis is not reachable at ${target.hostname}:${target.port || 6379} (${(error as Error).message}). Start Redis or fix REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}
