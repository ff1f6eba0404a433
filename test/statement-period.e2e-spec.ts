import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, startOfParisDay } from '../src/common/time/paris-time';
import { QUEUE_NAMES } from '../src/queue/queue-names';
import { REIMBURSEMENT_JOBS } from '../src/modules/reimbursements/reimbursement-jobs';
import { defaultStatementPeriodEnd } from '../src/modules/reimbursements/statement-period.rules';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, venueAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, markCarnetsIssued, ReadyOrder } from './support/factories';
import { qualifyVenue, redeemVouchers, waitForJobRun } from './support/money-factories';
import { createTestApp, TestApp } from './support/test-app';

/** `REIMBURSEMENT_STATEMENT_PERIOD=twice_monthly`: venues are paid for 1st–15th and 16th–end, on a schedule that follows. */
describe('Statements twice a month', () => {
  let testApp: TestApp;
  let storageDir: string;
  let anct: LoggedIn;
  let venue: LoggedIn;
  let order: ReadyOrder;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'pn-statements-'));
    testApp = await createTestApp({
      withWorker: true,
      settings: { STORAGE_DIR: storageDir, REIMBURSEMENT_STATEMENT_PERIOD: 'twice_monthly' },
    });
    anct = await anctAdmin(testApp);
    const funder = await funderManager(testApp, anct);
    const prescriber = await prescriberAgent(testApp, funder);
    venue = await venueAgent(testApp, anct);
    await qualifyVenue(testApp, venue.organisationId);
    const programme = await createProgramme(testApp);
    await enrolFunder(testApp, programme.id, funder.organisationId);
    order = await createReadyOrder(testApp, { programme, funderId: funder.organisationId, carnetCount: 1, carnetSize: 5 });
    await allocateCarnets(testApp, [order.carnets[0].id], prescriber.organisationId);
    await markCarnetsIssued(testApp, [order.carnets[0].id]);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('schedules the statement runs on the 1st and the 16th, under a name that does not say monthly', async () => {
    if (!testApp.worker) throw new Error('this test needs the worker');
    const queue = testApp.worker.get<Queue>(getQueueToken(QUEUE_NAMES.reimbursements));
    const statements = (await queue.getJobSchedulers()).filter((scheduler) => scheduler.name === REIMBURSEMENT_JOBS.drawUpStatements);
    expect(statements.map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz])).toEqual([
      ['reimbursement-statements', '0 5 1,16 * *', 'Europe/Paris'],
    ]);
  });

  it('draws up, when asked without a period, the half-month that is over: its scans in, later ones left for the next', async () => {
    const now = new Date();
    const periodEnd = defaultStatementPeriodEnd(now, 'twice_monthly');
    expect(periodEnd.endsWith('-15') || addDays(periodEnd, 1).endsWith('-01')).toBe(true);
    const vouchers = order.carnets[0].vouchers.map((voucher) => voucher.id);
    const lastDayNoon = new Date(startOfParisDay(periodEnd).getTime() + 12 * 3_600_000);
    const nextPeriodStart = new Date(Math.min(startOfParisDay(addDays(periodEnd, 1)).getTime() + 60_000, now.getTime() - 1_000));
    await redeemVouchers(testApp, vouchers.slice(0, 2), { venueId: venue.organisationId, scannedAt: lastDayNoon });
    await redeemVouchers(testApp, vouchers.slice(2, 3), { venueId: venue.organisationId, scannedAt: nextPeriodStart });

    const response = await http(testApp).post('/api/v1/reimbursement-statement-runs').set(bearer(anct.token)).send({}).expect(202);
    expect(response.body.parameters).toEqual({ periodEnd });
    expect(await waitForJobRun(testApp, response.body.id)).toMatchObject({
      periodEnd,
      statementsCreated: 1,
      redemptionsClaimed: 2,
      totalCents: '2000',
    });
  });
});
