import { fromSchemaLieuxDeMediationNumerique, toSchemaLieuxDeMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { parse } from 'csv-parse/sync';
import { STANDARD_COLUMNS } from '../src/modules/venues/standard/standard-columns';
import { anctAdmin, appliedVenueAgent, bearer, http, LoggedIn } from './support/actors';
import { decide, venueApplication } from './support/redemption-fixtures';
import { standardCsv, standardLine, type StandardLine } from './support/standard-files';
import { loadStandardSchema, validateCsv, validateJson } from './support/table-schema';
import { createTestApp, TestApp } from './support/test-app';

const schema = loadStandardSchema();

describe('Venues in the national standard: import as applications, public export, conformance', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true, settings: { VENUE_APPLICATIONS_PER_IP_PER_DAY: '1000' } });
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  function startImport(body: string, contentType = 'text/csv') {
    return http(testApp).post('/api/v1/venue-imports').set(bearer(anct.token)).set('Content-Type', contentType).send(body);
  }

  async function importFile(body: string, contentType = 'text/csv', timeoutMs = 30_000) {
    const started = await startImport(body, contentType).expect(202);
    return waitForImport(started.body.id, timeoutMs);
  }

  async function waitForImport(runId: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await http(testApp).get(`/api/v1/venue-imports/${runId}`).set(bearer(anct.token)).expect(200);
      if (body.status === 'completed') return body;
      if (body.status === 'failed') throw new Error(`import ${runId} failed: ${body.error}`);
      if (Date.now() > deadline)
        throw new Error(`import ${runId} still ${body.status} after ${timeoutMs} ms (${body.processedLines}/${body.totalLines})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const siteOf = async (externalId: string) =>
    (
      await testApp.dataSource.query(
        `SELECT s.*, o.qualification_status, o.siret, o.id AS organisation_id FROM venue_sites s JOIN organisations o ON o.id = s.venue_id WHERE s.external_id = $1`,
        [externalId],
      )
    )[0];

  describe('import (ANCT)', () => {
    it('creates venue applications from new lines, never qualified, with every field of the standard', async () => {
      const line = standardLine();
      const second = standardLine({ pivot: line.pivot, id: `${line.id}-bis`, nom: 'Antenne du quartier Orgeval', horaires: '' });
      const run = await importFile(standardCsv([line, second]));
      expect(run).toMatchObject({
        format: 'csv',
        totalLines: 2,
        processedLines: 2,
        createdCount: 2,
        updatedCount: 0,
        unchangedCount: 0,
        rejectedLines: [],
      });
      const site = await siteOf(line.id!);
      expect(site).toMatchObject({
        qualification_status: 'pending',
        siret: line.pivot,
        name: 'Médiathèque Jean-Macé',
        commune_insee_code: '51454',
        departement_code: '51',
        external_source: 'Hubik',
        opening_hours_osm: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
        latitude: 49.2484,
        standard_services: [
          'Aide aux démarches administratives',
          'Maîtrise des outils numériques du quotidien',
          'Compréhension du monde numérique',
        ],
        publics: ['Seniors', 'Familles et/ou enfants'],
        specific_support: ['Surdité', 'Langues étrangères (anglais)'],
        fees: ['Gratuit'],
        national_programmes: ['Conseillers numériques', 'France Services'],
        labels: ['Formé à « Mon Espace Santé »'],
        access_modes: ['Se présenter', 'Téléphoner'],
        support_modes: ['Accompagnement individuel', 'Dans un atelier collectif'],
        accepts_pass_numerique: true,
      });
      // Both lines share a SIRET: one venue (one application), two sites.
      expect((await siteOf(second.id!)).organisation_id).toBe(site.organisation_id);
      const events = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM venue_qualification_events WHERE venue_id = $1`, [
        site.organisation_id,
      ]);
      expect(events[0].n).toBe(0);
      const audit = await testApp.dataSource.query(`SELECT action FROM audit_events WHERE object_organisation_id = $1 ORDER BY id`, [
        site.organisation_id,
      ]);
      expect(audit.map((row: { action: string }) => row.action)).toEqual(['venue.applied', 'venue_site.imported', 'venue_site.imported']);
    });

    it('changes nothing when the same file comes again, and updates only the lines that changed', async () => {
      const lines = [standardLine(), standardLine(), standardLine()];
      await importFile(standardCsv(lines));
      const before = await siteOf(lines[1].id!);
      const again = await importFile(standardCsv(lines.map((line) => ({ ...line, date_maj: '2026-11-30' }))));
      expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, rejectedLines: [] });
      expect((await siteOf(lines[1].id!)).updated_at).toEqual(before.updated_at);

      const changed = lines.map((line, index) =>
        index === 1 ? { ...line, horaires: 'Mo-Sa 10:00-19:00', frais_a_charge: 'Gratuit sous condition|Payant' } : line,
      );
      const updated = await importFile(standardCsv(changed));
      expect(updated).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 2 });
      expect(await siteOf(lines[1].id!)).toMatchObject({
        opening_hours_osm: 'Mo-Sa 10:00-19:00',
        fees: ['Gratuit sous condition', 'Payant'],
        qualification_status: 'pending',
      });
    });

    it('never changes the qualification of a venue it updates', async () => {
      const line = standardLine();
      await importFile(standardCsv([line]));
      const site = await siteOf(line.id!);
      await decide(testApp, anct, site.organisation_id, 'qualify');
      await importFile(standardCsv([{ ...line, nom: 'Médiathèque Jean-Macé (rénovée)' }]));
      expect(await siteOf(line.id!)).toMatchObject({ name: 'Médiathèque Jean-Macé (rénovée)', qualification_status: 'qualified' });
    });

    it('reports each rejected line with its number and its reasons, and imports the others', async () => {
      const good = standardLine();
      const file = standardCsv([
        good,
        standardLine({ code_postal: '5110' }),
        standardLine({ pivot: 'W751234567' }),
        standardLine({ commune: 'Nulle-Part-sur-Marne', code_insee: '' }),
        standardLine({ services: 'Aide aux demarches administratives', horaires: 'tous les jours' }),
        standardLine({ nom: '' }),
      ]);
      const run = await importFile(file);
      expect(run).toMatchObject({ totalLines: 6, createdCount: 1 });
      expect(run.rejectedLines.map((rejected: { line: number }) => rejected.line)).toEqual([3, 4, 5, 6, 7]);
      const reasons = run.rejectedLines.map((rejected: { reasons: string[] }) => rejected.reasons.join(' / '));
      expect(reasons[0]).toMatch(/^code_postal : « 5110 » doit avoir 5 chiffres/);
      expect(reasons[1]).toMatch(/^pivot : « W751234567 » n'est pas un SIRET valide/);
      expect(reasons[2]).toMatch(/^commune : « Nulle-Part-sur-Marne » \(51100\) est inconnue de la liste officielle des communes$/);
      expect(reasons[3]).toMatch(/horaires : les horaires ne sont pas au format OpenStreetMap/);
      expect(reasons[3]).toMatch(/services : valeur hors de la liste du standard « Aide aux demarches administratives »/);
      expect(reasons[4]).toBe('nom : valeur obligatoire absente');
      expect(await siteOf(good.id!)).toBeDefined();
    });

    it('reads the legacy semicolon separators (between columns and between values) and the JSON form', async () => {
      const legacy = standardLine({
        services: 'Aide aux démarches administratives;Loisirs et créations numériques',
        modalites_acces: 'Se présenter;Téléphoner',
      });
      const run = await importFile(`\uFEFF${standardCsv([legacy], ';')}`);
      expect(run).toMatchObject({ createdCount: 1, rejectedLines: [] });
      expect(await siteOf(legacy.id!)).toMatchObject({
        standard_services: ['Aide aux démarches administratives', 'Loisirs et créations numériques'],
        access_modes: ['Se présenter', 'Téléphoner'],
      });
      const asJson = standardLine();
      const json = await importFile(JSON.stringify([{ ...asJson, latitude: 49.25, longitude: 4.03 }]), 'application/octet-stream');
      expect(json).toMatchObject({ format: 'json', createdCount: 1, rejectedLines: [] });
      expect(await siteOf(asJson.id!)).toMatchObject({ latitude: 49.25, longitude: 4.03 });
    });

    it('refuses a file that is not the standard with one clear error, before any job', async () => {
      const notStandard = await startImport('nom;adresse;ville\nEPN;1 rue;Lyon\n').expect(422);
      expect(notStandard.body).toMatchObject({
        code: 'NOT_STANDARD_FILE',
        details: { missingColumns: ['id', 'pivot', 'commune', 'code_postal', 'date_maj'] },
      });
      expect(notStandard.body.message).toMatch(/^Ce fichier n'est pas au standard des lieux de médiation numérique/);
      expect((await startImport('{"lieux": 3}', 'application/octet-stream').expect(422)).body.code).toBe('NOT_STANDARD_FILE');
      expect((await startImport('[{"id": "x"', 'application/octet-stream').expect(422)).body.code).toBe('NOT_STANDARD_FILE');
      expect((await startImport(standardCsv([])).expect(422)).body.message).toMatch(/aucune ligne/);
      const runs = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM venue_import_runs WHERE status <> 'completed'`);
      expect(runs[0].n).toBe(0);
    });

    it('is for ANCT only', async () => {
      await http(testApp)
        .post('/api/v1/venue-imports')
        .set('Content-Type', 'text/csv')
        .send(standardCsv([standardLine()]))
        .expect(401);
      const { agent } = await appliedVenueAgent(testApp, venueApplication());
      await http(testApp)
        .post('/api/v1/venue-imports')
        .set(bearer(agent.token))
        .set('Content-Type', 'text/csv')
        .send(standardCsv([standardLine()]))
        .expect(403);
    });

    it('imports 10,000 lines as a job whose progress can be followed', async () => {
      const lines: StandardLine[] = Array.from({ length: 10_000 }, (_, index) =>
        standardLine({ id: `grand-fichier-${index}`, source: 'Cartographie nationale' }),
      );
      const started = await startImport(standardCsv(lines)).expect(202);
      expect(started.body).toMatchObject({ status: 'queued', totalLines: 10_000, processedLines: 0 });
      const progress = new Set<number>();
      const deadline = Date.now() + 240_000;
      let run;
      for (;;) {
        run = (await http(testApp).get(`/api/v1/venue-imports/${started.body.id}`).set(bearer(anct.token)).expect(200)).body;
        progress.add(run.processedLines);
        if (run.status === 'completed' || run.status === 'failed' || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(run).toMatchObject({ status: 'completed', processedLines: 10_000, createdCount: 10_000, rejectedLines: [] });
      // Progress was visible on the way, chunk by chunk.
      expect([...progress].some((processed) => processed > 0 && processed < 10_000)).toBe(true);
      const [{ n }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM venue_sites WHERE external_source = 'Cartographie nationale'`,
      );
      expect(n).toBe(10_000);
    }, 300_000);
  });

  describe('export (public, no login)', () => {
    let qualifiedLine: StandardLine;

    beforeAll(async () => {
      // One venue registered here (weekly slots, no standard field), one imported with every field; both qualified.
      const { venue } = await appliedVenueAgent(testApp, venueApplication({ name: 'EPN « La Fabrique », Guillotière' }));
      await decide(testApp, anct, venue.id, 'qualify');
      qualifiedLine = standardLine({ id: 'export-complet', source: 'Hubik' });
      await importFile(standardCsv([qualifiedLine]));
      await decide(testApp, anct, (await siteOf('export-complet')).organisation_id, 'qualify');
    });

    it('answers a CSV in the standard: exact header, schema order, recommended file name, valid against schema.json', async () => {
      const response = await http(testApp).get('/api/v1/public/venues/export/csv').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="\d{8}_13002603200016_lieux-de-mediation-numerique_France\.csv"$/,
      );
      const text = response.text;
      expect(text.split('\r\n')[0]).toBe(STANDARD_COLUMNS.join(','));
      expect(validateCsv(schema, text)).toEqual([]);
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      const imported = rows.find((row) => row.id === 'export-complet')!;
      for (const column of STANDARD_COLUMNS.filter((name) => name !== 'date_maj'))
        expect([column, imported[column]]).toEqual([column, qualifiedLine[column]]);
      const registered = rows.find((row) => row.nom === 'EPN « La Fabrique », Guillotière')!;
      expect(registered).toMatchObject({
        commune: 'Lyon',
        code_insee: '69387',
        horaires: 'Tu 09:00-12:30,14:00-18:00',
        source: 'Pass numérique',
        // From its catalogue: « premiers pas » and « démarches CAF et impôts ».
        services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
      });
      // Only qualified venues: the pending applications imported above are not there.
      expect(rows.every((row) => row.id !== 'grand-fichier-1')).toBe(true);
    });

    it('answers the JSON form, valid against schema.json', async () => {
      const response = await http(testApp).get('/api/v1/public/venues/export/json').expect(200);
      expect(response.headers['content-disposition']).toMatch(/lieux-de-mediation-numerique_France\.json"$/);
      expect(validateJson(schema, response.body)).toEqual([]);
      const imported = response.body.find((row: { id: string }) => row.id === 'export-complet');
      expect(Object.keys(imported)).toEqual(STANDARD_COLUMNS.filter((column) => qualifiedLine[column] !== ''));
      expect(imported.latitude).toBe(49.2484);
    });

    it('round-trips through the reference library @gouvfr-anct/lieux-de-mediation-numerique', async () => {
      const response = await http(testApp).get('/api/v1/public/venues/export/json').expect(200);
      const lieux = fromSchemaLieuxDeMediationNumerique(response.body);
      expect(lieux).toHaveLength(response.body.length);
      const back = toSchemaLieuxDeMediationNumerique(lieux);
      const normalise = (row: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== ''));
      for (const [index, row] of response.body.entries()) expect(normalise(back[index] as Record<string, unknown>)).toEqual(normalise(row));
    });

    it('imports its own export back without changing anything', async () => {
      const csv = (await http(testApp).get('/api/v1/public/venues/export/csv').expect(200)).text;
      const run = await importFile(csv);
      expect(run).toMatchObject({ createdCount: 0, rejectedLines: [] });
    });
  });

  describe('the validator used above refuses what the schema refuses', () => {
    const valid = standardCsv([standardLine({ id: 'a' })]);
    it.each([
      ['a missing required value', standardCsv([standardLine({ nom: '' })])],
      ['a value outside a vocabulary', standardCsv([standardLine({ frais_a_charge: 'gratuit' })])],
      ['a summary over 280 characters', standardCsv([standardLine({ presentation_resume: 'x'.repeat(281) })])],
      ['a bad number', standardCsv([standardLine({ latitude: '49,25' })])],
      ['a bad date', standardCsv([standardLine({ date_maj: '2026-02-30' })])],
      ['a duplicate id', standardCsv([standardLine({ id: 'same' }), standardLine({ id: 'same' })])],
      ['a column out of order', standardCsv([standardLine()], ',', [...STANDARD_COLUMNS].reverse())],
    ])('%s', (_label, csv) => {
      expect(validateCsv(schema, valid)).toEqual([]);
      expect(validateCsv(schema, csv)).not.toEqual([]);
    });
  });
});
