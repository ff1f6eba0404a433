import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from '../errors/common-errors';
import { errorBody } from '../errors/global-exception.filter';

/** What a client refused during shutdown is told to wait before sending again (to another instance). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Shutting down (SIGTERM, a deployment) without cutting anyone off. From the moment the app closes:
 * every response carries `Connection: close`, so keep-alive clients open their next request elsewhere
 * instead of having it reset; a request that still arrives on an open connection is answered with the
 * API's own 503 body (`SERVICE_UNAVAILABLE`, `Retry-After`) rather than Fastify's bare one; requests in
 * flight finish. Idle connections are closed by Fastify, new ones are no longer accepted.
 */
export function installShutdownDrain(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    const refusal = new ServiceUnavailableError('The server is restarting. Send the request again.', RETRY_AFTER_SECONDS);
    void reply
      .code(503)
      .header('Retry-After', String(RETRY_AFTER_SECONDS))
      .send(errorBody(refusal, 503, request.headers['x-request-id'] as string | undefined));
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('Connection', 'close');
    done(null, payload);
  });
}
