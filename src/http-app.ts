import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import pinoHttp from 'pino-http';
import { mountBullBoard } from './queue/bull-board';
import type { AppConfig } from './config/app-config';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { ValidationFailedError } from './common/errors/validation-failed.error';
import { requestContextMiddleware } from './common/http/request-context.middleware';
import { getRootLogger } from './common/logger';

/** Everything an HTTP app needs beyond its modules; shared by `main.ts` and the e2e tests so they test the real thing. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestContextMiddleware);
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  if (config.LOG_LEVEL !== 'silent') {
    app.use(
      pinoHttp({
        logger: getRootLogger(),
        genReqId: (request) => request.headers['x-request-id'] as string,
        customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
        serializers: {
          req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      }),
    );
  }
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ValidationFailedError.fromClassValidator(errors),
    }),
  );
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  mountBullBoard(app);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Pass numérique API')
    .setDescription('Issue, print, redeem and reimburse Pass numérique vouchers (carnets of chèques).')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, options);
}
