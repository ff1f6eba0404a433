import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { ALL_QUEUE_NAMES } from './queue-names';

export const BULL_BOARD_PATH = '/admin/queues';

/** The BullMQ dashboard, for ANCT admins only (access token or API key in the Authorization header). */
export function mountBullBoard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const onlyAnctAdmins = async (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const actor = token ? await auth.authenticateAccessToken(token).catch(() => null) : null;
    if (actor?.role === 'anct_admin') return next();
    response
      .status(actor ? 403 : 401)
      .json({ statusCode: actor ? 403 : 401, code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', message: 'ANCT administrators only.' });
  };
  app.use(BULL_BOARD_PATH, onlyAnctAdmins, serverAdapter.getRouter());
}
