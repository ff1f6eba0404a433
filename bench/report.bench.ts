/**
 * `npm run bench -- report`: the programme funding report (CSV + XLSX) and a reconciliation run,
 * both through the real job path (API service → BullMQ → worker), on a generated data set of
 * 2,000,000 chèques / ~1,000,000 redemptions / 50 funders / 500 venues. Baseline in the same run: the
 * report's main aggregation SQL alone, in psql. Targets: report ≤ 3 × baseline, reconciliation ≤ 60 s,
 * peak RSS < 300 MB.
 *
 * Size: BENCH_REPORT_SCALE (default 1; 0.1 = 200,000 chèques). The database is created beside
 * DATABASE_URL's (`pn_bench_report_<random>`) and dropped at the end unless BENCH_KEEP_DATABASE=1.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { OrganisationActor } from '../src/auth/actor';
import { configureRootLogger } from '../src/common/logger';
import { loadAppConfig } from '../src/config/app-config';
import { ANALYTICAL_SETTINGS } from '../src/database/analytical-settings';
import { ensureDatabase, quoteIdentifier } from '../src/database/ensure-database';
import { runPendingMigrations } from '../src/database/run-migrations';
import { ReconciliationService } from '../src/modules/reconciliation/reconciliation.service';
import { SUMMARY_SQL } from '../src/modules/reports/funding-report.sql';
import { FundingReportsService } from '../src/modules/reports/funding-reports.service';
import { StateShareService } from '../src/modules/state-share/state-share.service';
import { ALL_QUEUE_NAMES } from '../src/queue/queue-names';
import { WorkerModule } from '../src/worker.module';
import { generateReportDataset, reportDatasetSize } from './report-dataset';
import { rssSampler } from './support/rss-sampler';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The baseline: the report's aggregation query alone, prepared and executed in psql (\timing), with the job's session settings. */
function psqlBaseline(databaseUrl: string, programmeId: string): number {
  const prepared = `PREPARE summary(uuid, uuid, text) AS ${SUMMARY_SQL.replace(/\s+/g, ' ')}`;
  const settings = ANALYTICAL_SETTINGS.map(([name, value]) => `SET ${name} = '${value}';`).join(' ');
  const result = spawnSync(
    'psql',
    [
      databaseUrl,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-o',
      '/dev/null',
      '-c',
      settings,
      '-c',
      '\\timing on',
      '-c',
      prepared,
      '-c',
      `EXECUTE summary('${programmeId}', NULL, NULL)`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  const times = [...result.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((match) => Number(match[1]));
  return times[times.length - 1];
}

export async function run(): Promise<void> {
  const scale = Number(process.env.BENCH_REPORT_SCALE ?? '1');
  if (!(scale > 0)) throw new Error('BENCH_REPORT_SCALE must be a positive number');
  const base = loadAppConfig(process.env);
  const databaseName = `pn_bench_report_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(base.DATABASE_URL);
  databaseUrl.pathname = `/${databaseName}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'pn-bench-report-'));
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_PREFIX: `pnbench-${randomBytes(3).toString('hex')}`,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'silent',
  });
  configureRootLogger('silent', {});
  const size = reportDatasetSize(scale);
  const vouchers = size.funders * size.ordersPerFunder * size.carnetsPerOrder * size.carnetSize;
  process.stdout.write(
    `scale ${scale}: ${vouchers.toLocaleString('en')} chèques, ${size.funders} funders, ${size.venues} venues (database ${databaseName})\n`,
  );

  await ensureDatabase(config.DATABASE_URL);
  await runPendingMigrations(config);
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  let worker: INestApplicationContext | null = null;
  try {
    const generationStarted = Date.now();
    const { programmeId, anctId } = await generateReportDataset(client, size);
    const [{ redemptions }] = (await client.query(`SELECT count(*)::int AS redemptions FROM redemptions`)).rows;
    process.stdout.write(
      `data set: ${redemptions.toLocaleString('en')} redemptions, generated in ${seconds(Date.now() - generationStarted)}\n`,
    );

    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    const actor: OrganisationActor = {
      kind: 'user',
      userId: null,
      apiKeyId: null,
      organisationId: anctId,
      organisationKind: 'anct',
      role: 'anct_admin',
      isOrganisationAdmin: false,
      label: 'bench',
    };
    const runJob = async (start: () => Promise<{ id: string }>) => {
      const started = Date.now();
      const { id } = await start();
      const run = await waitFor(async () => {
        const [row] = (await client.query(`SELECT status, summary, error FROM job_runs WHERE id = $1`, [id])).rows;
        if (row.status === 'failed') throw new Error(row.error);
        return row.status === 'completed' ? row : null;
      }, 30 * 60_000);
      return { ms: Date.now() - started, summary: run.summary };
    };
    const stateShare = await runJob(() => worker!.get(StateShareService).requestRun(actor));
    process.stdout.write(`State share computation (job): ${seconds(stateShare.ms)} ${JSON.stringify(stateShare.summary)}\n`);

    // Medians of three runs each, after a warm-up: the machine may be shared, and both sides then read a warm cache.
    psqlBaseline(config.DATABASE_URL, programmeId);
    const baselineRuns = [0, 1, 2].map(() => psqlBaseline(config.DATABASE_URL, programmeId));
    const baselineMs = median(baselineRuns);
    process.stdout.write(
      `\nraw baseline, aggregation SQL alone in psql: ${seconds(baselineMs)} (runs: ${baselineRuns.map(seconds).join(', ')})\n`,
    );

    const stopReportRss = rssSampler();
    const reportRuns: number[] = [];
    let ready: Record<string, string> = {};
    let reportId = '';
    for (let i = 0; i < 3; i++) {
      const reportStarted = Date.now();
      const report = await worker.get(FundingReportsService).request(actor, { programmeId });
      ready = await waitFor(async () => {
        const [row] = (
          await client.query(
            `SELECT status, error, started_at, as_of, finished_at, summary_csv_path, funnel_csv_path, xlsx_path FROM funding_reports WHERE id = $1`,
            [report.id],
          )
        ).rows;
        if (row.status === 'failed') throw new Error(row.error);
        return row.status === 'ready' ? row : null;
      }, 30 * 60_000);
      reportRuns.push(Date.now() - reportStarted);
      reportId = report.id;
    }
    const reportMs = median(reportRuns);
    const reportRss = stopReportRss();
    const [{ rows: summaryRows }] = (
      await client.query(`SELECT count(*)::int AS rows FROM funding_report_rows WHERE report_id = $1`, [reportId])
    ).rows;
    const fileSizes = ['summary_csv_path', 'funnel_csv_path', 'xlsx_path'].map(
      (key) => `${key.replace('_path', '')} ${statSync(join(storageDir, ready[key])).size} B`,
    );
    process.stdout.write(
      `programme report, requested → ready (figures + CSV + XLSX through the job): ${seconds(reportMs)} (runs: ${reportRuns.map(seconds).join(', ')}; ` +
        `the last job ran ${seconds(new Date(ready.finished_at).getTime() - new Date(ready.started_at).getTime())}) — ${summaryRows} summary rows; ${fileSizes.join(', ')}\n`,
    );
    process.stdout.write(`ratio report / raw SQL: ${(reportMs / baselineMs).toFixed(2)} (target ≤ 3)\n`);

    const stopReconciliationRss = rssSampler();
    const reconciliation = await runJob(() => worker!.get(ReconciliationService).requestRun(actor));
    const reconciliationRss = stopReconciliationRss();
    process.stdout.write(
      `\nreconciliation (job, 16 checks): ${seconds(reconciliation.ms)} (target ≤ 60 s), ${reconciliation.summary.anomalies} anomalies\n`,
    );
    const durations = Object.entries(reconciliation.summary.durationsMs as Record<string, number>).map(([kind, ms]) => `${kind} ${ms} ms`);
    process.stdout.write(`  per check: ${durations.join(', ')}\n`);

    process.stdout.write(
      `\npeak RSS: report phase ${reportRss.toFixed(0)} MB, reconciliation phase ${reconciliationRss.toFixed(0)} MB, ` +
        `whole process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target < 300 MB)\n`,
    );
  } finally {
    if (worker) {
      for (const name of ALL_QUEUE_NAMES) await worker.get<Queue>(getQueueToken(name)).obliterate({ force: true });
      await worker.close();
    }
    await client.end();
    rmSync(storageDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP_DATABASE !== '1') {
      const admin = new Client({ connectionString: base.DATABASE_URL.replace(/\/[^/]*$/, '/postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
      await admin.end();
    } else {
      process.stdout.write(`database kept: ${config.DATABASE_URL}\n`);
    }
  }
}
