import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { runInContext } from '../request-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (kept from `X-Request-Id` when the caller sends a sane one), echoed in the response. */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  request.headers['x-request-id'] = requestId;
  response.setHeader('X-Request-Id', requestId);
  runInContext({ requestId, ip: request.ip }, () => next());
}
