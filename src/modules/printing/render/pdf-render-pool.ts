import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppConfig } from '../../../config/app-config';
import type { CarnetPrintData } from './carnet-print-data';
import type { RenderReply, RenderRequest } from './render-protocol';

export interface RenderedFile {
  bytes: number;
  sha256: string;
}

interface Task {
  request: RenderRequest;
  onProgress?: (carnetsDone: number) => void;
  resolve: (reply: Extract<RenderReply, { type: 'done' }>) => void;
  reject: (error: Error) => void;
}

interface RenderThread {
  worker: Worker;
  task: Task | null;
}

/**
 * Heap of one render thread: a ceiling, so that a runaway render fails its task instead of swelling the
 * process, and a small young generation (QR encoding makes much short-lived garbage; measured: same CPU
 * time, about 20 MB less resident memory than V8's default).
 */
const THREAD_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };

/**
 * A small pool of PDF render threads (PDF_RENDER_THREADS per process), started on first use. Tasks
 * queue when all threads are busy; a thread that dies fails its task and is replaced.
 */
@Injectable()
export class PdfRenderPool implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderPool.name);
  private readonly threads: RenderThread[] = [];
  private readonly queue: Task[] = [];
  private nextTaskId = 1;
  private closed = false;
  private tasksDone = 0;

  constructor(private readonly config: AppConfig) {}

  async renderToBuffer(carnets: CarnetPrintData[]): Promise<Buffer> {
    const { pdf } = await this.submit({ carnets, outputPath: null });
    if (!pdf) throw new Error('The PDF render thread sent no bytes back for a render without output file');
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /** Writes the PDF to `path` (atomically: a partial file never carries the final name). */
  async renderToFile(carnets: CarnetPrintData[], path: string, onProgress?: (carnetsDone: number) => void): Promise<RenderedFile> {
    const { bytes, sha256 } = await this.submit({ carnets, outputPath: path }, onProgress);
    return { bytes, sha256 };
  }

  /** How many renders the pool's threads have finished since it started: the main thread renders none. */
  get tasksDoneInThreads(): number {
    return this.tasksDone;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('PDF render pool closed'));
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private submit(
    request: Omit<RenderRequest, 'taskId'>,
    onProgress?: (carnetsDone: number) => void,
  ): Promise<Extract<RenderReply, { type: 'done' }>> {
    if (this.closed) return Promise.reject(new Error('PDF render pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { ...request, taskId: this.nextTaskId++ }, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (let task = this.queue.at(0); task; task = this.queue.at(0)) {
      const thread = this.threads.find((candidate) => candidate.task === null) ?? this.startThread();
      if (!thread) return;
      this.queue.shift();
      thread.task = task;
      thread.worker.ref();
      thread.worker.postMessage(task.request);
    }
  }

  private startThread(): RenderThread | null {
    if (this.threads.length >= this.config.PDF_RENDER_THREADS) return null;
    const thread: RenderThread = { worker: spawnRenderThread(), task: null };
    thread.worker.on('message', (reply: RenderReply) => this.onReply(thread, reply));
    thread.worker.on('error', (error) => this.onThreadDeath(thread, error));
    thread.worker.on('exit', (code) => this.onThreadDeath(thread, new Error(`PDF render thread exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }

  private onReply(thread: RenderThread, reply: RenderReply): void {
    const task = thread.task;
    if (!task || task.request.taskId !== reply.taskId) return;
    if (reply.type === 'progress') {
      task.onProgress?.(reply.carnetsDone);
      return;
    }
    thread.task = null;
    // An idle thread must not keep the process alive.
    thread.worker.unref();
    if (reply.type === 'done') {
      this.tasksDone += 1;
      task.resolve(reply);
    } else task.reject(new Error(`PDF rendering failed: ${reply.message}`));
    this.dispatch();
  }

  private onThreadDeath(thread: RenderThread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    if (!this.closed) this.logger.error(`PDF render thread died: ${error.message}`);
    thread.task?.reject(error);
    thread.task = null;
    if (!this.closed) this.dispatch();
  }
}

/**
 * Compiled code starts the compiled thread file. From TypeScript sources (Jest), the thread compiles
 * its own files with SWC, as Jest does for the main thread.
 */
function spawnRenderThread(): Worker {
  const resourceLimits = THREAD_RESOURCE_LIMITS;
  const extension = extname(__filename);
  const entry = join(__dirname, `render-thread${extension}`);
  if (extension !== '.ts') return new Worker(entry, { resourceLimits });
  const loader = `
    const { readFileSync } = require('node:fs');
    const { transformSync } = require('@swc/core');
    require.extensions['.ts'] = (module, filename) => module._compile(transformSync(readFileSync(filename, 'utf8'), {
      filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
    }).code, filename);
    require(${JSON.stringify(entry)});
  `;
  return new Worker(loader, { eval: true, resourceLimits });
}
