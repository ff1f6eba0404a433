import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { WEB_CONTENT_SECURITY_POLICY } from './content-security-policy';

/** Paths that belong to the server, never to the web application: a miss there stays a JSON 404. */
const SERVER_PATHS = /^\/(api|health|admin)(\/|$)/;

/**
 * Serves the built web application (`npm run build:web`, Vite's output in WEB_DIST_DIR) on the API's own
 * origin: its files as they are, and `index.html` for any other page path so that the browser's router
 * takes over (`/guichet/historique` opened directly or reloaded). Hashed assets are cached for good;
 * `index.html` never, so a new release is picked up at the next visit.
 */
export async function serveWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = resolve(config.WEB_DIST_DIR);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    new Logger('WebApp').warn(`No web application at ${root} (run npm run build:web): only the API is served`);
    return;
  }
  const indexHtml = readFileSync(indexPath);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // The build writes each file's .br and .gz beside it (web/build/precompress.ts): sent to browsers that
    // accept them, the counter's phone downloads a quarter of the bytes, at no CPU cost per request.
    preCompressed: true,
    setHeaders: (response, path) => {
      response.header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
      response.header('Cache-Control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    if (SERVER_PATHS.test(request.url)) return reply.callNotFound();
    return reply
      .header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY)
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(indexHtml);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
}
