import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { configureRootLogger } from './common/logger';

/**
 * Single-machine install (`npm start`): runs the API and the worker as two processes, as they would
 * run on separate machines, and supervises them. A process that dies unexpectedly is started again
 * (after 1 s, then longer), and only that one: a crashed API no longer takes the worker's jobs down
 * with it. A process that keeps dying (CRASH_LIMIT times within CRASH_WINDOW_MS: a bad setting, a
 * database gone for good) stops everything with a clear message and a non-zero exit code, so that
 * systemd, Docker or whoever started `npm start` sees the failure instead of a silent crash loop.
 * Stop signals are forwarded; both processes then finish their in-flight work.
 */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

interface Supervised {
  role: 'api' | 'worker';
  entry: string;
  child: ChildProcess | null;
  crashes: number[];
}

const logger = configureRootLogger(process.env.LOG_LEVEL === 'silent' ? 'silent' : 'info', { process: 'supervisor' });
const processes: Supervised[] = [
  { role: 'api', entry: 'main.js', child: null, crashes: [] },
  { role: 'worker', entry: 'worker.js', child: null, crashes: [] },
];
let stopping = false;

function start(supervised: Supervised): void {
  const child = fork(join(__dirname, supervised.entry), { stdio: 'inherit' });
  supervised.child = child;
  child.once('exit', (code, signal) => {
    supervised.child = null;
    if (stopping) return exitWhenAllStopped();
    const now = Date.now();
    supervised.crashes = [...supervised.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
    if (supervised.crashes.length >= CRASH_LIMIT) {
      logger.fatal(
        { role: supervised.role, code, signal },
        `The ${supervised.role} died ${CRASH_LIMIT} times within ${CRASH_WINDOW_MS / 1000} s (last: ${signal ?? `exit code ${code}`}); stopping everything. See its messages above.`,
      );
      return stopAll('SIGTERM', 1);
    }
    const delay = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (supervised.crashes.length - 1));
    logger.error(
      { role: supervised.role, code, signal },
      `The ${supervised.role} died (${signal ?? `exit code ${code}`}); starting it again in ${delay / 1000} s`,
    );
    setTimeout(() => {
      if (!stopping) start(supervised);
    }, delay);
  });
}

let exitCode = 0;

function stopAll(signal: NodeJS.Signals, code: number): void {
  exitCode = Math.max(exitCode, code);
  if (stopping) return;
  stopping = true;
  for (const { child } of processes) if (child && child.exitCode === null) child.kill(signal);
  exitWhenAllStopped();
}

function exitWhenAllStopped(): void {
  if (processes.every(({ child }) => child === null)) process.exit(exitCode);
}

for (const supervised of processes) start(supervised);
process.on('SIGTERM', () => stopAll('SIGTERM', 0));
process.on('SIGINT', () => stopAll('SIGINT', 0));
