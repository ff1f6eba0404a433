import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { ALL_QUEUE_NAMES } from './queue-names';

export const BULL_BOARD_PATH = '/admin/queues';

/** The BullMQ dashboard, for ANCT admins only (access token or API key in the Authorization header). */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const onlyAnctAdmins = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const actor = token ? await auth.authenticateAccessToken(token).catch(() => null) : null;
    if (actor?.role === 'anct_admin') return;
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
