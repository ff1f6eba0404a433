import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { mountBullBoard } from './queue/bull-board';
import { PUBLIC_OPERATION_EXTENSION } from './auth/auth.decorators';
import type { AppConfig } from './config/app-config';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter';
import { CommonError } from './common/errors/common-errors';
import { EdgeValidationPipe } from './common/validation/edge-validation.pipe';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './common/http/json-depth';
import { installRequestContext } from './common/http/request-context.hooks';
import { installRequestLog } from './common/http/request-log.hook';
import { installShutdownDrain } from './common/http/shutdown-drain.hook';
import { byteSize } from './common/http/byte-size';
import { serveWebApp } from './web/web-app';
import { parseProxyAddressList } from './common/http/trusted-proxies';
import { API_PREFIX } from './common/http/api-url';
import { centsAsNumbers } from './common/http/money';
import { ErrorBodyDto } from './common/errors/error-body.dto';

/** The OpenAPI page; its JSON is at the same path + `-json`. */
export const OPENAPI_PATH = 'api/docs';

/**
 * The HTTP server under Nest. Fastify rather than Express: the same application costs about half the
 * CPU per request, which is what bounds the redemption rate (see README, Performance).
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  const trustedProxies = parseProxyAddressList(config.TRUSTED_PROXIES);
  return new FastifyAdapter({
    // `request.ip` is the TCP peer unless that peer is a proxy we run: any client can write X-Forwarded-For,
    // and per-address limits and audit rows must not take an address the client chose.
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    bodyLimit: byteSize(config.HTTP_BODY_LIMIT),
    routerOptions: { ignoreTrailingSlash: true },
    // Our own request id (see installRequestContext), not Fastify's counter.
    requestIdHeader: false,
    // Requests arriving while the app closes get the API's own 503 body (see installShutdownDrain).
    return503OnClosing: false,
  });
}

/** Everything an HTTP app needs beyond its modules; shared by `main.ts` and the e2e tests so they test the real thing. */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  setApiPrefix(app);
  // An empty JSON body is no body (action endpoints such as `POST /orders/{id}/submit` take none, and many
  // clients send the JSON content type anyway); anything else goes through Fastify's own safe parser.
  // Fastify types its parsers as "callback or promise"; the default JSON one is the callback kind (it calls `done`
  // synchronously and returns nothing), which this type states so the call below is not taken for a promise.
  const parseJson: (request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void) => void =
    fastify.getDefaultJsonParser('error', 'error');
  // Nesting is bounded before parsing: every recursive step after it (transformation, validation) would
  // otherwise overflow the stack on a body nested 20,000 deep.
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    const text = body.toString('utf8');
    if (exceedsJsonDepth(text)) {
      return done(
        new CommonError('MALFORMED_JSON', `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`, {
          maxDepth: MAX_JSON_DEPTH,
        }),
        undefined,
      );
    }
    parseJson(request, text, done);
  });
  // Fastify also reads text/plain bodies as strings, which validation then refuses as a 400 naming no
  // field; every endpoint takes JSON, so any other type is a 415 that says so.
  fastify.removeContentTypeParser('text/plain');
  installResponseHeaders(fastify);
  // Files in the venues' national standard (`POST /venue-imports`), sent as they are: CSV, or JSON as a file.
  fastify.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: byteSize(config.VENUE_IMPORT_MAX_SIZE) },
    (_request, body, done) => done(null, body),
  );
  installRequestContext(fastify);
  installShutdownDrain(fastify);
  // Money leaves as JSON integers, whatever the layer below made of a PostgreSQL bigint (see money.ts).
  fastify.addHook('preSerialization', async (_request, _reply, payload) => centsAsNumbers(payload));
  if (config.LOG_LEVEL !== 'silent') installRequestLog(fastify);
  app.useSecurityHeaders({ contentSecurityPolicy: false });
  app.useGlobalPipes(new EdgeValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup(OPENAPI_PATH, app, () => buildOpenApiDocument(app), { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
  await mountBullBoard(app, config);
  await serveWebApp(app, config);
}

/**
 * The JSON API is versioned under /api/v1; the web application owns `/`. Health checks stay at the root,
 * where load balancers and orchestrators look for them. Also applied when writing docs/openapi.json, so
 * that its paths are the ones clients call.
 */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
}

/**
 * The OpenAPI page runs the Swagger UI from our own origin: its scripts are files (no inline script), its
 * styles partly inline, its icons data: URLs. Helmet's policy is off for the API (JSON, no HTML), so this one
 * is set here for the page and its assets.
 */
const OPENAPI_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every answer is private to its caller (chèque codes in carnet PDFs, statements, reports, personal data):
 * `Cache-Control: no-store` unless a handler chose otherwise (the public signing keys and revocation list
 * are cacheable on purpose).
 */
function installResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (request.url.startsWith(`/${OPENAPI_PATH}`)) reply.header('content-security-policy', OPENAPI_PAGE_CSP);
    return payload;
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Pass numérique API')
    .setDescription('Issue, print, redeem and reimburse Pass numérique vouchers (carnets of chèques).')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  return markPublicOperations(SwaggerModule.createDocument(app, options, { extraModels: [ErrorBodyDto] }));
}

/** A class-level `@ApiBearerAuth()` also lands on the controller's `@Public()` operations: they need no credentials. */
function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || operation === null || !(PUBLIC_OPERATION_EXTENSION in operation)) continue;
      delete (operation as Record<string, unknown>)[PUBLIC_OPERATION_EXTENSION];
      (operation as { security?: unknown[] }).security = [];
    }
  }
  return document;
}
