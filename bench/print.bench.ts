/**
 * `npm run bench -- print`: printing carnets.
 *
 *   1. one carnet of 10 chèques through CarnetPdfService (database read, code derivation, QR signing,
 *      render thread), p50/p95 over BENCH_PRINT_SINGLE_RUNS runs (default 200);
 *   2. a print run of BENCH_PRINT_CARNETS carnets of 10 chèques (default 2000) through the real job
 *      path (POST /print-runs' service → BullMQ → print-runs processor → render thread → files);
 *   3. the raw baseline: the same pages with the same QR codes drawn by pdfkit + qrcode alone.
 *
 * Prints carnets/s of both, the ratio, peak RSS and the event-loop lag of the process holding the job.
 * Targets at full size: one carnet p50 < 100 ms; print run ≥ 70 % of the baseline's rate; peak RSS < 300 MB.
 * Runs against a throw-away database and Redis prefix on the PostgreSQL/Redis of DATABASE_URL/REDIS_URL.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { systemActorFor } from '../src/auth/actor';
import { configureRootLogger } from '../src/common/logger';
import { loadAppConfig } from '../src/config/app-config';
import { ensureDatabase, quoteIdentifier } from '../src/database/ensure-database';
import { runPendingMigrations } from '../src/database/run-migrations';
import { PassesService } from '../src/modules/passes/passes.service';
import { CarnetPdfService } from '../src/modules/printing/carnet-pdf.service';
import { CarnetPrintDataService } from '../src/modules/printing/carnet-print-data.service';
import { PrintingRepository } from '../src/modules/printing/printing.repository';
import { PrintRunsService } from '../src/modules/printing/print-runs.service';
import { VoucherCodeSecrets } from '../src/modules/vouchers/voucher-code-secrets';
import { QUEUE_NAMES } from '../src/queue/queue-names';
import { WorkerModule } from '../src/worker.module';
import { renderBaseline, type BaselineCarnet } from './print-baseline';
import { createPrintFixtures, createReadyOrder } from './support/print-fixtures';
import { rssSampler } from './support/rss-sampler';

const CARNET_SIZE = 10;

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mb = (value: number) => `${value.toFixed(0)} MB`;
const say = (line: string) => process.stdout.write(`${line}\n`);

export async function run(): Promise<void> {
  const carnetCount = setting('BENCH_PRINT_CARNETS', 2000);
  const singleRuns = setting('BENCH_PRINT_SINGLE_RUNS', 200);
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pass_numerique');
  const databaseName = `pn_bench_print_${suffix}`;
  databaseUrl.pathname = `/${databaseName}`;
  const storageDir = mkdtempSync(join(tmpdir(), 'pn-bench-print-'));
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_PREFIX: `pnbench-${suffix}`,
    LOG_LEVEL: 'silent',
    STORAGE_DIR: storageDir,
  });
  configureRootLogger('silent', {});
  await ensureDatabase(config.DATABASE_URL);
  await runPendingMigrations(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  try {
    const dataSource = app.get(DataSource);
    say(
      `${carnetCount} carnets of ${CARNET_SIZE} chèques, files of ${config.PRINT_RUN_CARNETS_PER_FILE} carnets, ${config.PDF_RENDER_THREADS} render thread(s)`,
    );
    const fixtures = await createPrintFixtures(dataSource, 12);
    const secret = app.get(VoucherCodeSecrets).active;
    const single = await createReadyOrder(dataSource, fixtures, secret, 1, CARNET_SIZE);
    const bulk = await createReadyOrder(dataSource, fixtures, secret, carnetCount, CARNET_SIZE);
    const funder = systemActorFor('funder', fixtures.funderId, 'bench:print');
    const prescriber = systemActorFor('prescriber', fixtures.prescriberId, 'bench:print');

    // 1. One carnet, handed out then printed by its prescriber.
    await dataSource.query(`UPDATE carnets SET status = 'allocated', prescriber_id = $2, allocated_at = now() WHERE id = ANY($1)`, [
      single.carnetIds,
      fixtures.prescriberId,
    ]);
    await dataSource.query(`UPDATE vouchers SET status = 'allocated' WHERE carnet_id = ANY($1)`, [single.carnetIds]);
    await app.get(PassesService).issue(prescriber, single.carnetIds[0], {
      firstName: 'Léa',
      communeInseeCode: '69266',
      targetPublic: true,
      reasonCategory: 'administrative_procedures',
      consent: true,
    });
    const carnetPdf = app.get(CarnetPdfService);
    for (let warmUp = 0; warmUp < 5; warmUp++) await carnetPdf.render(prescriber, single.carnetIds[0]);
    const durations: number[] = [];
    for (let index = 0; index < singleRuns; index++) {
      const started = performance.now();
      await carnetPdf.render(prescriber, single.carnetIds[0]);
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    const p50 = percentile(durations, 50);
    say(
      `one carnet (${CARNET_SIZE} chèques), ${singleRuns} runs: p50 ${p50.toFixed(1)} ms, p95 ${percentile(durations, 95).toFixed(1)} ms (target p50 < 100 ms)`,
    );

    // 2. The print run, through the queue and the processor of this (worker) process.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    const stopRunRss = rssSampler();
    lag.enable();
    const runStarted = performance.now();
    const requested = await app.get(PrintRunsService).request(funder, { orderId: bulk.orderId });
    let status = requested.status;
    while (status !== 'completed' && status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      [{ status }] = await dataSource.query(`SELECT status FROM print_runs WHERE id = $1`, [requested.id]);
    }
    const runSeconds = (performance.now() - runStarted) / 1000;
    lag.disable();
    const runRss = stopRunRss();
    if (status !== 'completed') throw new Error(`print run ${requested.id} failed`);
    const [{ files }] = await dataSource.query(`SELECT jsonb_array_length(files) AS files FROM print_runs WHERE id = $1`, [requested.id]);
    const runRate = carnetCount / runSeconds;
    say(
      `print run (job path): ${carnetCount} carnets in ${runSeconds.toFixed(1)} s → ${runRate.toFixed(1)} carnets/s, ${files} files, ` +
        `peak RSS ${mb(runRss)}, event-loop lag max ${(lag.max / 1e6).toFixed(0)} ms / p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
    );

    // 3. The raw baseline, fed the same QR texts and codes (prepared beforehand, not timed).
    const scope = { kind: 'funder' as const, organisationId: fixtures.funderId };
    const printData = await app.get(CarnetPrintDataService).build(await app.get(PrintingRepository).findCarnets(scope, bulk.carnetIds));
    const baselineCarnets: BaselineCarnet[] = printData.map((carnet) => ({
      number: carnet.number,
      funderName: carnet.funderName,
      firstName: carnet.beneficiaryFirstName,
      personalisationText: carnet.personalisationText,
      venues: carnet.venues.map((venue) => ({ name: venue.name, address: `${venue.addressLine}, ${venue.postalCode} ${venue.city}` })),
      coupons: carnet.coupons.map((coupon) => ({ serial: coupon.serial, code: coupon.code!, qrText: coupon.qrText! })),
    }));
    const baselineDir = mkdtempSync(join(storageDir, 'baseline-'));
    const stopBaselineRss = rssSampler();
    const baselineStarted = performance.now();
    await renderBaseline(baselineCarnets, baselineDir, config.PRINT_RUN_CARNETS_PER_FILE);
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    const baselineRss = stopBaselineRss();
    const baselineRate = carnetCount / baselineSeconds;
    say(
      `raw baseline (pdfkit + qrcode alone, same pages and QR codes): ${carnetCount} carnets in ${baselineSeconds.toFixed(1)} s → ${baselineRate.toFixed(1)} carnets/s, peak RSS ${mb(baselineRss)}`,
    );

    say(`ratio print run / baseline: ${(runRate / baselineRate).toFixed(2)} (target ≥ 0.70)`);
    say(`peak RSS during the print run: ${mb(runRss)} (target < 300 MB); whole benchmark: ${mb(process.resourceUsage().maxRSS / 1024)}`);
  } finally {
    await app
      .get<Queue>(getQueueToken(QUEUE_NAMES.printRuns))
      .obliterate({ force: true })
      .catch(() => undefined);
    await app.close();
    rmSync(storageDir, { recursive: true, force: true });
    const maintenance = new URL(databaseUrl);
    maintenance.pathname = '/postgres';
    const client = new Client({ connectionString: maintenance.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
    await client.end();
  }
}
