import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '../auth/actor';

/** What every log line and audit row of one request (or one job) needs to know, without threading it through calls. */
export interface RequestContext {
  requestId: string;
  actor?: Actor;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
