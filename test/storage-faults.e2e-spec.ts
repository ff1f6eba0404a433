import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../src/common/storage/file-storage';
import { JobRunsRepository } from '../src/modules/job-runs/job-runs.repository';
import { PrintRunRenderer } from '../src/modules/printing/print-run-renderer.service';
import { PdfRenderPool } from '../src/modules/printing/render/pdf-render-pool';
import { StatementsService } from '../src/modules/reimbursements/statements.service';
import { addDays, parisToday } from '../src/common/time/paris-time';
import { anctAdmin, bearer, funderManager, http, type LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, type ReadyOrder } from './support/factories';
import { qualifyVenue, redeemVouchers } from './support/money-factories';
import { waitFor } from './support/processes';
import { createTestApp, type TestApp } from './support/test-app';

/** What a killed or failing writer leaves under STORAGE_DIR, and what a retried run reports. */
describe('Storage and run outcomes after faults', () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'pn-storage-faults-'));
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let order: ReadyOrder;

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true, settings: { STORAGE_DIR: storageDir, PRINT_RUN_CARNETS_PER_FILE: '40' } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    const programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 40, carnetSize: 10 });
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const filesUnder = (relative: string) => (existsSync(join(storageDir, relative)) ? readdirSync(join(storageDir, relative)).sort() : []);

  it('a write killed midway leaves nothing once the next attempt has written the file', async () => {
    // A real process, killed while it writes (the compiled FileStorage, as the worker runs it).
    const script = `
      const { FileStorage } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'src', 'common', 'storage', 'file-storage.js'))});
      // Alive until killed: with nothing pending, Node would exit by itself once the half is flushed.
      setInterval(() => undefined, 60_000);
      new FileStorage({ STORAGE_DIR: ${JSON.stringify(storageDir)} }).write('statements/RB-TEST.csv', (output) => {
        output.write('half a statement');
        return new Promise(() => undefined);
      });`;
    const writer = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    await waitFor('the killed writer’s temporary file', async () => filesUnder('statements').length > 0, 15_000, 20);
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    expect(writer.exitCode).toBeNull();
    writer.kill('SIGKILL');
    await exited;
    expect(filesUnder('statements')).toEqual(['RB-TEST.csv.part']);

    await testApp.app.get(FileStorage).write('statements/RB-TEST.csv', async (output) => {
      output.end('the whole statement');
    });
    expect(filesUnder('statements')).toEqual(['RB-TEST.csv']);
    expect(readFileSync(join(storageDir, 'statements', 'RB-TEST.csv'), 'utf8')).toBe('the whole statement');
  });

  it('a print run failing for good leaves no half-written file', async () => {
    const queue = testApp.worker!.get<Queue>(getQueueToken('print-runs'));
    // The worker leaves it to the test, which runs its last attempt and kills the render thread mid-file.
    await queue.pause();
    const requested = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(funder.token))
      .send({ orderId: order.order.id })
      .expect(202);
    const runDir = join('print-runs', requested.body.id);
    const rendering = testApp.worker!.get(PrintRunRenderer).render(requested.body.id, { finalAttempt: true });
    const failed = expect(rendering).rejects.toThrow();
    await waitFor('the half-written PDF', async () => filesUnder(runDir).some((name) => name.endsWith('.partial')), 30_000, 5);
    const threads = (testApp.worker!.get(PdfRenderPool) as unknown as { threads: Array<{ worker: { terminate(): Promise<number> } }> })
      .threads;
    await threads[0].worker.terminate();
    await failed;

    const { body } = await http(testApp).get(`/api/v1/print-runs/${requested.body.id}`).set(bearer(funder.token)).expect(200);
    expect(body.status).toBe('failed');
    expect(filesUnder(runDir)).toEqual([]);
    await queue.obliterate({ force: true });
  });

  it('a statement run retried after drawing up its statements reports them, not 0', async () => {
    const prescriber = await prescriberAgent(testApp, funder);
    const venue = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venue.organisationId);
    const carnets = order.carnets.slice(0, 1);
    await allocateCarnets(
      testApp,
      carnets.map((carnet) => carnet.id),
      prescriber.organisationId,
    );
    await markCarnetsIssued(
      testApp,
      carnets.map((carnet) => carnet.id),
    );
    const periodEnd = addDays(parisToday(new Date()), -1);
    const scannedAt = new Date(Date.now() - 2 * 86_400_000);
    await redeemVouchers(
      testApp,
      carnets[0].vouchers.slice(0, 4).map((voucher) => voucher.id),
      { venueId: venue.organisationId, scannedAt },
    );

    const run = await testApp.app.get(JobRunsRepository).insertQueued({
      kind: 'reimbursement_statements',
      trigger: 'manual',
      jobKey: 'retried-run',
      parameters: { periodEnd },
      requestedByUserId: null,
    });
    const statements = testApp.app.get(StatementsService);
    const first = await statements.executeRun(run);
    // The retry of an attempt that died after claiming: nothing left to claim, and the run says what it drew up.
    const second = await statements.executeRun(run);
    for (const summary of [first, second])
      expect(summary).toMatchObject({ periodEnd, statementsCreated: 1, redemptionsClaimed: 4, totalCents: '4000' });
  });
});
