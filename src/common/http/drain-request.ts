import type { IncomingMessage } from 'node:http';

/** At most this much of a refused body is read (and thrown away) so that its sender can read the answer. */
export const MAX_DRAINED_BYTES = 16 * 1024 * 1024;
const MAX_DRAIN_MS = 10_000;

/**
 * Reads and discards the rest of a request body we refuse (413). Answering while the client is still
 * sending, then closing, resets the connection under the client's writes: most clients report the reset,
 * not our answer. Bounded in bytes and time: past either, the answer goes out and the connection closes anyway.
 */
export function drainRequestBody(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let drained = 0;
    const finish = () => {
      clearTimeout(timer);
      request.removeListener('data', onData);
      request.removeListener('end', finish);
      request.removeListener('error', finish);
      request.removeListener('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAINED_BYTES) finish();
    };
    const timer = setTimeout(finish, MAX_DRAIN_MS);
    request.on('data', onData);
    request.once('end', finish);
    request.once('error', finish);
    request.once('close', finish);
    request.resume();
  });
}
