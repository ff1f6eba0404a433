import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { cloneTemplateDatabase, dropDatabase, serverUrl } from '../../support/test-database';

/** The repository: above this file in test/browser/support, or in dist/test/… once built for `npm run bench -- web`. */
function repositoryRoot(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json'))) directory = dirname(directory);
  return directory;
}
const ROOT = repositoryRoot();

export interface BrowserServer {
  /** `http://localhost:<port>`: the address the browser opens, and the service's PUBLIC_BASE_URL. */
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  /** The supervisor's process id (its children: the API and the worker). */
  pid: number;
  /** SQL against the server's own database (to check what a journey wrote). */
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Generous: two Nest processes start on a machine the CI may share with other work. */
const START_TIMEOUT_MS = 180_000;

async function waitUntilReady(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped during start-up (exit ${server.exitCode}):\n${output()}`);
    const ready = await fetch(`${baseUrl}/health/ready`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * The real service as `npm start` runs it (`dist/src/start-all.js`: API and worker processes, the built web
 * application), on a free port, a fresh copy of the migrated database (or the one `createDatabase` makes,
 * dropped at the end likewise) and its own Redis prefix.
 */
export async function startBrowserServer(
  settings: Record<string, string> | ((baseUrl: string) => Promise<Record<string, string>>) = {},
  createDatabase: () => Promise<string> = cloneTemplateDatabase,
): Promise<BrowserServer> {
  const databaseName = await createDatabase();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // Settings that name the server's own address (a callback registered with a test OpenID provider) are made once it is known.
  const extraSettings = typeof settings === 'function' ? await settings(baseUrl) : settings;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    DATABASE_URL: serverUrl(databaseName),
    REDIS_PREFIX: `pnweb-${randomBytes(4).toString('hex')}`,
    ...extraSettings,
  };
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'start-all.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const stopProcess = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const { Client } = await import('pg');
  try {
    await waitUntilReady(baseUrl, server, () => output);
  } catch (error) {
    await stopProcess();
    await dropDatabase(databaseName);
    throw error;
  }
  return {
    baseUrl,
    env,
    pid: server.pid!,
    async query<T>(sql: string, parameters: unknown[] = []) {
      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        return (await client.query(sql, parameters)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async stop() {
      await stopProcess();
      await clearRedisPrefix(env.REDIS_PREFIX!);
      await dropDatabase(databaseName);
    },
  };
}

async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Runs one of the project's scripts (built into dist/scripts) against the server's database. */
export async function runScript(server: BrowserServer, script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'scripts', `${script}.js`), ...args], {
    cwd: ROOT,
    env: server.env,
  });
  return stdout;
}
