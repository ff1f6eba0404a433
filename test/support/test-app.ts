import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { configureRootLogger } from '../../src/common/logger';
import { configureHttpApp } from '../../src/http-app';
import { WorkerModule } from '../../src/worker.module';
import { cloneTemplateDatabase, dropDatabase, serverUrl } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  worker: INestApplicationContext | null;
  config: AppConfig;
  dataSource: DataSource;
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
  const config = loadAppConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: serverUrl(databaseName),
    REDIS_PREFIX: `pntest-${randomBytes(4).toString('hex')}`,
    ...options.settings,
  });
  configureRootLogger('silent', {});
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureHttpApp(app, config);
  await app.init();
  const worker = options.withWorker
    ? await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false })
    : null;
  const dataSource = app.get(DataSource);
  return {
    app,
    worker,
    config,
    dataSource,
    async close() {
      await worker?.close();
      await app.close();
      await clearRedisPrefix(config);
      await dropDatabase(databaseName);
    },
  };
}

async function clearRedisPrefix(config: AppConfig): Promise<void> {
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
