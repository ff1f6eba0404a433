/**
 * `npm run bench -- venue-import`: importing a national file in the standard (issue 19: « a large file
 * (10,000 lines) is processed as a job with progress »), through the real job path (service → BullMQ →
 * worker), twice: a first import (10,000 new venues and sites, each an application with its audit lines)
 * then the same file again (every line unchanged, nothing written).
 *
 * Baseline in the same run: the floor of that work — reading and checking the same lines in-process
 * (`parseStandardLine`, the standard's own rules) plus writing the same number of organisations and sites
 * with bare multi-row INSERTs of 500 rows, no audit, no lookup. The ratio says what the job's lookups,
 * audit trail, progress and queue add on top.
 *
 * Size: BENCH_IMPORT_LINES (default 10000). The database is created beside DATABASE_URL's
 * (`pn_bench_import_<random>`) and dropped at the end unless BENCH_KEEP_DATABASE=1.
 */
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Actor } from '../src/auth/actor';
import { configureRootLogger } from '../src/common/logger';
import { loadAppConfig } from '../src/config/app-config';
import { ensureDatabase, quoteIdentifier } from '../src/database/ensure-database';
import { runPendingMigrations } from '../src/database/run-migrations';
import { VenueImportsService } from '../src/modules/venue-imports/venue-imports.service';
import { readStandardCsv } from '../src/modules/venues/standard/standard-csv';
import { STANDARD_COLUMNS } from '../src/modules/venues/standard/standard-columns';
import { parseStandardLine } from '../src/modules/venues/standard/standard-lieu.rules';
import { ALL_QUEUE_NAMES } from '../src/queue/queue-names';
import { WorkerModule } from '../src/worker.module';
import { rssSampler } from './support/rss-sampler';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A SIRET with a valid Luhn key, different for each `n`. */
function siret(n: number): string {
  const body = `9${String(n).padStart(12, '0')}`;
  for (let key = 0; key < 10; key++) {
    const candidate = body + key;
    const sum = [...candidate].reverse().reduce((total, digit, index) => {
      const value = Number(digit) * (index % 2 === 1 ? 2 : 1);
      return total + (value > 9 ? value - 9 : value);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** A line as the Cartographie nationale exports it: every column filled, hours, lists, contact. */
function line(n: number): Record<string, string> {
  return {
    id: `bench-${n}`,
    pivot: siret(n),
    nom: `Médiathèque numéro ${n}`,
    commune: 'Reims',
    code_postal: '51100',
    code_insee: '51454',
    adresse: `${n} rue de Vesle`,
    complement_adresse: 'Rez-de-chaussée',
    latitude: '49.2484',
    longitude: '4.0415',
    typologie: 'BIB|ASSO',
    telephone: '+33326000000',
    courriels: 'contact@mediatheque.example',
    site_web: 'https://mediatheque.example/',
    horaires: n % 2 === 0 ? 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00' : 'Tu-Sa 10:00-18:00',
    presentation_resume: 'Ateliers numériques pour tous.',
    presentation_detail: 'Des médiateurs accompagnent les démarches en ligne.',
    source: 'Cartographie nationale',
    itinerance: 'Fixe',
    structure_parente: 'Ville de Reims',
    date_maj: '2026-11-02',
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
    publics_specifiquement_adresses: 'Seniors',
    prise_en_charge_specifique: 'Surdité',
    frais_a_charge: 'Gratuit',
    dispositif_programmes_nationaux: 'Conseillers numériques',
    formations_labels: '',
    autres_formations_labels: '',
    modalites_acces: 'Se présenter|Téléphoner',
    modalites_accompagnement: 'Accompagnement individuel',
    fiche_acces_libre: '',
    prise_rdv: '',
  };
}

function csv(lines: Record<string, string>[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return (
    [STANDARD_COLUMNS.join(','), ...lines.map((record) => STANDARD_COLUMNS.map((column) => quote(record[column] ?? '')).join(','))].join(
      '\r\n',
    ) + '\r\n'
  );
}

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Parse + bare INSERTs of the same rows, 500 per statement, one transaction per 500 as the job does. */
async function baseline(client: Client, content: string): Promise<{ parseMs: number; writeMs: number }> {
  const parseStarted = Date.now();
  const table = readStandardCsv(content)!;
  const sites = table.lines
    .map(({ record }) => parseStandardLine(record))
    .filter((result) => result.ok)
    .map((result) => result.site);
  const parseMs = Date.now() - parseStarted;
  const writeStarted = Date.now();
  for (let start = 0; start < sites.length; start += 500) {
    const chunk = sites.slice(start, start + 500);
    await client.query('BEGIN');
    const organisations = await client.query<{ id: string }>(
      `INSERT INTO organisations (kind, name, siret, siren, qualification_status, qualification_changed_at, address_line, postal_code, city, commune_insee_code, departement_code)
       SELECT 'venue', name, '8' || substr(siret, 2), substr(siret, 1, 9), 'pending', now(), address_line, postal_code, city, commune_insee_code, departement_code
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(name, siret, address_line, postal_code, city, commune_insee_code, departement_code)
       RETURNING id`,
      [
        chunk.map((site) => site.name),
        chunk.map((site) => site.siret),
        chunk.map((site) => site.addressLine),
        chunk.map((site) => site.postalCode),
        chunk.map((site) => site.city),
        chunk.map((site) => site.communeInseeCode),
        chunk.map((site) => site.departementCode),
      ],
    );
    await client.query(
      `INSERT INTO venue_sites (venue_id, name, address_line, postal_code, city, commune_insee_code, departement_code, opening_hours_osm, external_id, external_source, standard_services, publics)
       SELECT venue_id, name, address_line, postal_code, city, commune_insee_code, departement_code, hours, 'baseline-' || external_id, external_source, string_to_array(services, '|'), string_to_array(publics, '|')
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS t(venue_id, name, address_line, postal_code, city, commune_insee_code, departement_code, hours, external_id, external_source, services, publics)`,
      [
        organisations.rows.map((row) => row.id),
        chunk.map((site) => site.name),
        chunk.map((site) => site.addressLine),
        chunk.map((site) => site.postalCode),
        chunk.map((site) => site.city),
        chunk.map((site) => site.communeInseeCode),
        chunk.map((site) => site.departementCode),
        chunk.map((site) => site.openingHoursOsm),
        chunk.map((site) => site.externalId),
        chunk.map((site) => site.externalSource ?? ''),
        chunk.map((site) => site.standardServices.join('|')),
        chunk.map((site) => site.publics.join('|')),
      ],
    );
    await client.query('COMMIT');
  }
  return { parseMs, writeMs: Date.now() - writeStarted };
}

export async function run(): Promise<void> {
  const count = Number(process.env.BENCH_IMPORT_LINES ?? '10000');
  if (!(count > 0)) throw new Error('BENCH_IMPORT_LINES must be a positive number');
  const base = loadAppConfig(process.env);
  const databaseName = `pn_bench_import_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(base.DATABASE_URL);
  databaseUrl.pathname = `/${databaseName}`;
  const config = loadAppConfig({
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_PREFIX: `pnbench-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
  });
  configureRootLogger('silent', {});
  await ensureDatabase(config.DATABASE_URL);
  await runPendingMigrations(config);
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  let worker: INestApplicationContext | null = null;
  try {
    const content = csv(Array.from({ length: count }, (_, index) => line(index)));
    process.stdout.write(
      `${count.toLocaleString('en')} lines, ${(Buffer.byteLength(content) / 1024 / 1024).toFixed(1)} MB of CSV (database ${databaseName})\n`,
    );
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    const imports = worker.get(VenueImportsService);
    const actor: Actor = {
      kind: 'user',
      userId: null,
      apiKeyId: null,
      organisationId: null,
      organisationKind: 'anct',
      role: 'anct_admin',
      isOrganisationAdmin: false,
      label: 'bench',
    };
    const importOnce = async (label: string) => {
      const stopRss = rssSampler();
      const started = Date.now();
      const { id } = await imports.start(actor, Buffer.from(content), 'bench.csv');
      const row = await waitFor(async () => {
        const [current] = (
          await client.query(
            `SELECT status, error, created_count, unchanged_count, rejected_lines, started_at, finished_at FROM venue_import_runs WHERE id = $1`,
            [id],
          )
        ).rows;
        if (current.status === 'failed') throw new Error(current.error);
        return current.status === 'completed' ? current : null;
      }, 30 * 60_000);
      const ms = Date.now() - started;
      const jobMs = new Date(row.finished_at).getTime() - new Date(row.started_at).getTime();
      process.stdout.write(
        `${label}: ${seconds(ms)} requested → completed (the job itself ${seconds(jobMs)}; ${Math.round(count / (ms / 1000))} lines/s) — ` +
          `${row.created_count} created, ${row.unchanged_count} unchanged, ${(row.rejected_lines as unknown[]).length} rejected; peak RSS ${stopRss().toFixed(0)} MB\n`,
      );
      return ms;
    };
    const firstMs = await importOnce('first import (all new)');
    const againMs = await importOnce('same file again (all unchanged)');

    const floor = await baseline(client, content);
    const floorMs = floor.parseMs + floor.writeMs;
    process.stdout.write(
      `\nraw baseline: reading and checking the lines ${seconds(floor.parseMs)} + bare INSERTs of the same rows ${seconds(floor.writeMs)} = ${seconds(floorMs)}\n`,
    );
    process.stdout.write(`ratio first import / raw baseline: ${(firstMs / floorMs).toFixed(2)}\n`);
    process.stdout.write(`ratio unchanged re-import / reading and checking alone: ${(againMs / floor.parseMs).toFixed(2)}\n`);
  } finally {
    if (worker) {
      for (const name of ALL_QUEUE_NAMES) await worker.get<Queue>(getQueueToken(name)).obliterate({ force: true });
      await worker.close();
    }
    await client.end();
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
