import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { configureRootLogger } from '../../src/common/logger';
import { configureHttpApp, createHttpAdapter } from '../../src/http-app';
import { WorkerModule } from '../../src/worker.module';
import { cloneTemplateDatabase, dropDatabase, serverUrl } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  worker: INestApplicationContext | null;
  config: AppConfig;
  dataSource: DataSource;
  /** Every route path the HTTP server mounted, in Fastify's syntax (`/api/v1/carnets/:id`). */
  mountedRoutes: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Also start the job processors (a worker) in this process, for journeys that go through queues. */
  withWorker?: boolean;
  settings?: Record<string, string>;
}

/**
 * A real API on a fresh copy of the migrated database, with its own Redis key prefix:
 * test files run in parallel without seeing each other's data.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseName = await cloneTemplateDatabase();
  const config = testConfig(serverUrl(databaseName), `pntest-${randomBytes(4).toString('hex')}`, options.settings);
  const { app, mountedRoutes } = await startApi(config);
  const worker = options.withWorker ? await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false }) : null;
  const dataSource = app.get(DataSource);
  return {
    app,
    worker,
    config,
    dataSource,
    mountedRoutes,
    async close() {
      await worker?.close();
      await app.close();
      await clearRedisPrefix(config);
      await dropDatabase(databaseName);
    },
  };
}

/**
 * A second API instance on the same database and Redis prefix as `first`, as behind a load balancer.
 * Close it before `first`, which owns the database.
 */
export async function createPeerTestApp(first: TestApp, settings: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(first.config.DATABASE_URL, first.config.REDIS_PREFIX, settings);
  const { app, mountedRoutes } = await startApi(config);
  return { app, worker: null, config, dataSource: app.get(DataSource), mountedRoutes, close: () => app.close() };
}

function testConfig(databaseUrl: string, redisPrefix: string, settings: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: redisPrefix,
    ...settings,
  });
}

async function startApi(config: AppConfig): Promise<{ app: NestFastifyApplication; mountedRoutes: string[] }> {
  configureRootLogger('silent', {});
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  const mountedRoutes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      mountedRoutes.push(route.url);
    });
  await configureHttpApp(app, config);
  await app.init();
  // supertest drives the Node server directly, which Fastify only wires once ready.
  await app.getHttpAdapter().getInstance().ready();
  return { app, mountedRoutes };
}

/** Deletes every key of the test's prefix (and only those: other test files share the Redis). */
export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new Redis(config.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
