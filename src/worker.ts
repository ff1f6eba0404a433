import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { preflight } from './bootstrap/preflight';
import { configureRootLogger, PinoNestLogger } from './common/logger';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = await preflight('worker');
  const logger = configureRootLogger(config.LOG_LEVEL, { process: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger() });
  // Nest closes the BullMQ workers on shutdown, which waits for the jobs in progress to finish.
  app.enableShutdownHooks();
  const forceExit = () => setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
  process.once('SIGTERM', forceExit);
  process.once('SIGINT', forceExit);
  logger.info('Worker started');
}

void bootstrap();
