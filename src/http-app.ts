import { INestApplication, ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { mountBullBoard } from './queue/bull-board';
import type { AppConfig } from './config/app-config';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { ValidationFailedError } from './common/errors/validation-failed.error';
import { installRequestContext } from './common/http/request-context.hooks';
import { installRequestLog } from './common/http/request-log.hook';
import { byteSize } from './common/http/byte-size';

/** Where the JSON API lives; every controller's path is under it (health checks aside). */
export const API_PREFIX = 'api/v1';
/** The OpenAPI page; its JSON is at the same path + `-json`. */
export const OPENAPI_PATH = 'api/docs';

/**
 * The HTTP server under Nest. Fastify rather than Express: the same application costs about half the
 * CPU per request, which is what bounds the redemption rate (see README, Performance).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback,linklocal,uniquelocal',
    bodyLimit: byteSize(config.HTTP_BODY_LIMIT),
    routerOptions: { ignoreTrailingSlash: true },
    // Our own request id (see installRequestContext), not Fastify's counter.
    requestIdHeader: false,
  });
}

/** Everything an HTTP app needs beyond its modules; shared by `main.ts` and the e2e tests so they test the real thing. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // The JSON API is versioned under /api/v1; the web application owns `/`. Health checks stay at the
  // root, where load balancers and orchestrators look for them.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  // An empty JSON body is no body (action endpoints such as `POST /orders/{id}/submit` take none, and many
  // clients send the JSON content type anyway); anything else goes through Fastify's own safe parser.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    parseJson(request, body.toString('utf8'), done);
  });
  // Fastify also reads text/plain bodies as strings, which validation then refuses as a 400 naming no
  // field; every endpoint takes JSON, so any other type is a 415 that says so.
  fastify.removeContentTypeParser('text/plain');
  // Files in the venues' national standard (`POST /venue-imports`), sent as they are: CSV, or JSON as a file.
  fastify.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: byteSize(config.VENUE_IMPORT_MAX_SIZE) }, (_request, body, done) =>
    done(null, body),
  );
  installRequestContext(fastify);
  if (config.LOG_LEVEL !== 'silent') installRequestLog(fastify);
  app.useSecurityHeaders({ contentSecurityPolicy: false });
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
  SwaggerModule.setup(OPENAPI_PATH, app, () => buildOpenApiDocument(app), { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
  await mountBullBoard(app);
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
