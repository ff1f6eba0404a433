import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { runInContext } from '../request-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (kept from `X-Request-Id` when the caller sends a sane one), echoed in the
 * response, and runs the handler inside the request's context (see `currentContext()`).
 */
export function installRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    request.headers['x-request-id'] = requestId;
    void reply.header('X-Request-Id', requestId);
    done();
  });
  // Entered once the body is read, not on request: the body's stream events would run the later
  // hooks outside a context entered earlier. `done` runs guards, pipes and the handler synchronously.
  fastify.addHook('preHandler', (request, _reply, done) => {
    runInContext({ requestId: request.headers['x-request-id'] as string, ip: request.ip }, done);
  });
}
