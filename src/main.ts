import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { preflight } from './bootstrap/preflight';
import { configureRootLogger, PinoNestLogger } from './common/logger';
import { configureHttpApp, createHttpAdapter } from './http-app';

async function bootstrap(): Promise<void> {
  const config = await preflight('API');
  const logger = configureRootLogger(config.LOG_LEVEL, { process: 'api' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config), {
    logger: new PinoNestLogger(),
    forceCloseConnections: false,
  });
  await configureHttpApp(app, config);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info(
    { port: config.PORT, publicBaseUrl: config.PUBLIC_BASE_URL },
    `API listening on port ${config.PORT}, public address ${config.PUBLIC_BASE_URL} (OpenAPI at /api/docs)`,
  );
  installGracefulShutdown(config.SHUTDOWN_GRACE_SECONDS);
}

/**
 * On SIGTERM Nest closes the app (enableShutdownHooks): new connections are refused, idle ones closed,
 * in-flight requests finish with `Connection: close` (see installShutdownDrain), then the process exits;
 * it is forced out after the grace period.
 */
function installGracefulShutdown(graceSeconds: number): void {
  const stop = (signal: string) => {
    configureRootLogger('info', { process: 'api' }).info(`${signal} received: draining requests`);
    setTimeout(() => process.exit(1), graceSeconds * 1000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void bootstrap();
