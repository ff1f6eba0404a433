import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/app-config';

/** The compiled entry points (built by the test command), run as real processes that a test can kill or starve. */
export const API_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
export const WORKER_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'worker.js');

export interface RunningProcess {
  child: ChildProcess;
  /** Every line the process wrote, stdout and stderr, in order. */
  lines: string[];
  alive(): boolean;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A process of the platform on the test's database and Redis prefix; `settings` override any environment variable. */
export function startProcess(entry: string, config: AppConfig, settings: Record<string, string> = {}): RunningProcess {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: the test command builds it first (npm test, or npx nest build).`);
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      lines.push(...parts.filter((line) => line.length > 0));
    });
  }
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited: () => exit,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/** The API as a process on a free port, once `/health` answers. */
export async function startApiProcess(config: AppConfig, settings: Record<string, string> = {}): Promise<RunningProcess & { url: string }> {
  const port = await freePort();
  const api = startProcess(API_ENTRY, config, { PORT: String(port), ...settings });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!api.alive()) throw new Error(`The API exited at start:\n${api.lines.join('\n')}`);
    const up = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { ...api, url };
    if (Date.now() > deadline) {
      await api.stop('SIGKILL');
      throw new Error(`The API did not answer within 60 s:\n${api.lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lines that are not one JSON object each: what a log collector could not parse. */
export function nonJsonLines(lines: string[]): string[] {
  return lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
