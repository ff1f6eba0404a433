import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { checkCsrf, sessionAccessToken } from '../auth/browser-session';
import type { AppConfig } from '../config/app-config';
import { ALL_QUEUE_NAMES } from './queue-names';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard, for ANCT admins only: an access token in the Authorization header, or the
 * browser session cookie (the ANCT space links here). The dashboard's own page cannot send our CSRF
 * header, so its changes (retry, clean…) made with the cookie must come from our origin; the cookie is
 * SameSite=Strict besides.
 */
export async function mountBullBoard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const onlyAnctAdmins = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const sessionToken = header ? undefined : sessionAccessToken(request);
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : (sessionToken ?? '');
    const actor = token ? await auth.authenticateAccessToken(token).catch(() => null) : null;
    if (actor?.role === 'anct_admin') {
      const verdict = sessionToken ? checkCsrf(request, config.PUBLIC_BASE_URL, false) : { allowed: true as const };
      if (verdict.allowed) return;
      await reply.status(403).send({ statusCode: 403, code: 'CSRF_REJECTED', message: `Request refused (${verdict.reason}).` });
      return;
    }
    const statusCode = actor ? 403 : 401;
    await reply
      .status(statusCode)
      .send({ statusCode, code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', message: 'ANCT administrators only.' });
  };
  // The hook lives in the dashboard's own scope: it guards those routes and no others.
  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', onlyAnctAdmins);
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BULL_BOARD_PATH },
  );
}
