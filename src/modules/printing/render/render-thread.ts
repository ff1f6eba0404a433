/**
 * Entry point of a PDF render thread (worker_threads). Rendering is CPU-bound; doing it here keeps the
 * event loop of the process that owns the BullMQ job lock (or serves HTTP) free.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { writeCarnets } from './carnet-document';
import type { RenderReply, RenderRequest } from './render-protocol';

if (!parentPort) throw new Error('render-thread must run in a worker thread');
const port: MessagePort = parentPort;

// Report progress at most this often: one message per carnet would be noise for big runs.
const PROGRESS_EVERY = 10;

port.on('message', (request: RenderRequest) => {
  render(request).then(
    (reply) => port.postMessage(reply, reply.type === 'done' && reply.pdf ? [reply.pdf.buffer as ArrayBuffer] : []),
    (error: Error) => port.postMessage({ taskId: request.taskId, type: 'error', message: error.message } satisfies RenderReply),
  );
});

async function render({ taskId, carnets, outputPath }: RenderRequest): Promise<RenderReply> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const file = outputPath ? createWriteStream(`${outputPath}.partial`) : null;
  // Counts and hashes the bytes on their way to the file (or keeps them, for a single carnet sent back).
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (file) return done(null, chunk);
      chunks.push(chunk);
      done();
    },
  });
  if (file) tap.pipe(file);
  await writeCarnets(carnets, tap, (done) => {
    if (done % PROGRESS_EVERY === 0 && done < carnets.length)
      port.postMessage({ taskId, type: 'progress', carnetsDone: done } satisfies RenderReply);
  });
  if (file && outputPath) {
    await finished(file);
    await rename(`${outputPath}.partial`, outputPath);
  }
  // A standalone copy, so that its buffer can be transferred without taking Node's shared pool along.
  const pdf = file ? null : new Uint8Array(Buffer.concat(chunks));
  return { taskId, type: 'done', bytes, sha256: hash.digest('hex'), pdf };
}
