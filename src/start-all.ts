import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Single-machine install: runs the API and the worker as two processes (as they would run on
 * separate machines), forwards stop signals, and stops both if either dies.
 */
const children: ChildProcess[] = ['main.js', 'worker.js'].map((entry) => fork(join(__dirname, entry), { stdio: 'inherit' }));
let stopping = false;

function stopAll(signal: NodeJS.Signals, exitCode: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  let remaining = children.filter((child) => child.exitCode === null).length;
  if (remaining === 0) process.exit(exitCode);
  for (const child of children) {
    child.once('exit', () => {
      remaining -= 1;
      if (remaining === 0) process.exit(exitCode);
    });
  }
}

for (const child of children) {
  child.on('exit', (code) => stopAll('SIGTERM', code ?? 1));
}
process.on('SIGTERM', () => stopAll('SIGTERM', 0));
process.on('SIGINT', () => stopAll('SIGINT', 0));
