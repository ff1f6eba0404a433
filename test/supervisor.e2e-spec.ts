import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, nonJsonLines, startProcess, waitFor } from './support/processes';
import { createTestApp, type TestApp } from './support/test-app';

const SUPERVISOR_ENTRY = join(__dirname, '..', 'dist', 'src', 'start-all.js');

/** `npm start` runs the API and the worker under one supervisor: a crash of one must not stop the platform. */
describe('npm start supervisor', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  function childPid(supervisorPid: number, entry: string): number | null {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(supervisorPid)], { encoding: 'utf8' }).split('\n');
    const line = lines.find((candidate) => candidate.includes(entry));
    return line ? Number(line.trim().split(/\s+/)[0]) : null;
  }

  it('starts a killed API again, leaves the worker running, and stops both on SIGTERM', async () => {
    const port = await freePort();
    const supervisor = startProcess(SUPERVISOR_ENTRY, testApp.config, { PORT: String(port) });
    const health = () =>
      fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
    try {
      await waitFor('the API', health, 90_000, 200);
      await waitFor('the worker', async () => supervisor.lines.some((line) => line.includes('Worker started')), 90_000, 200);
      const apiPid = childPid(supervisor.child.pid!, 'main.js')!;
      const workerPid = childPid(supervisor.child.pid!, 'worker.js')!;
      expect(apiPid && workerPid).toBeTruthy();

      process.kill(apiPid, 'SIGKILL');
      await waitFor('the API down', async () => !(await health()), 10_000, 50);
      await waitFor('the API started again', health, 90_000, 200);
      expect(childPid(supervisor.child.pid!, 'main.js')).not.toBe(apiPid);
      expect(childPid(supervisor.child.pid!, 'worker.js')).toBe(workerPid);
      expect(supervisor.lines.some((line) => line.includes('The api died (SIGKILL); starting it again'))).toBe(true);
      expect(nonJsonLines(supervisor.lines)).toEqual([]);

      expect(await supervisor.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    } finally {
      // Forwarded to both children: none is left running whatever failed above.
      await supervisor.stop('SIGTERM');
    }
  }, 240_000);
});
