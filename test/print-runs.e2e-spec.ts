import { mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { COUPONS_PER_PAGE, couponQrBox, pagesOfCarnet } from '../src/modules/printing/render/carnet-document';
import { PrintRunRenderer } from '../src/modules/printing/print-run-renderer.service';
import { PdfRenderPool } from '../src/modules/printing/render/pdf-render-pool';
import { VoucherQrService } from '../src/modules/signing/voucher-qr.service';
import { formatVoucherCode } from '../src/modules/vouchers/voucher-code.rules';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent, tableCounts } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, ReadyOrder } from './support/factories';
import { binary, decodeQrIn, pdfPageCount, pdfText, rasterisePage } from './support/pdf';

jest.setTimeout(60_000);

describe('Print runs', () => {
  const storageDir = mkdtempSync(join(tmpdir(), 'pn-print-runs-'));
  let testApp: TestApp;
  let anct: LoggedIn;
  let funder: LoggedIn;
  let otherFunder: LoggedIn;
  let prescriber: LoggedIn;
  let otherPrescriber: LoggedIn;
  let stock: ReadyOrder;

  const getRun = (who: LoggedIn, id: string) => http(testApp).get(`/api/v1/print-runs/${id}`).set(bearer(who.token));
  const download = (who: LoggedIn, url: string) => http(testApp).get(url).set(bearer(who.token)).buffer(true).parse(binary);

  async function waitUntilFinished(who: LoggedIn, id: string): Promise<{ body: any; progressSeen: number[] }> {
    const progressSeen: number[] = [];
    const deadline = Date.now() + 45_000;
    for (;;) {
      const { body } = await getRun(who, id).expect(200);
      progressSeen.push(body.carnetsDone);
      if (body.status === 'completed' || body.status === 'failed') return { body, progressSeen };
      if (Date.now() > deadline) throw new Error(`print run still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    testApp = await createTestApp({ withWorker: true, settings: { STORAGE_DIR: storageDir, PRINT_RUN_CARNETS_PER_FILE: '4' } });
    anct = await anctAdmin(testApp);
    funder = await funderManager(testApp, anct);
    otherFunder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    otherPrescriber = await prescriberAgent(testApp, funder);
    const programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    stock = await createReadyOrder(testApp, {
      programme,
      funderId: funder.organisationId,
      carnetCount: 10,
      carnetSize: 5,
      territoryDepartements: ['69'],
    });
    await allocateCarnets(
      testApp,
      stock.carnets.slice(0, 3).map((c) => c.id),
      prescriber.organisationId,
    );
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('renders a whole order in files of at most PRINT_RUN_CARNETS_PER_FILE carnets, off the event loop, with progress', async () => {
    const renderPool = testApp.worker!.get(PdfRenderPool, { strict: false });
    const rendersBefore = renderPool.tasksDoneInThreads;
    const requested = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(funder.token))
      .send({ orderId: stock.order.id })
      .expect(202);
    expect(requested.body).toMatchObject({ status: 'queued', carnetCount: 10, carnetsDone: 0, carnetsPerFile: 4, files: [] });
    const { body: run, progressSeen } = await waitUntilFinished(funder, requested.body.id);

    expect(run).toMatchObject({ status: 'completed', carnetCount: 10, carnetsDone: 10, progressPercent: 100, failureReason: null });
    expect(progressSeen).toEqual([...progressSeen].sort((a, b) => a - b));
    // The process holding the job lock kept answering: every file was rendered by a render thread, none on
    // the event loop (a count, not a timing, which a loaded machine would make flaky).
    expect(renderPool.tasksDoneInThreads - rendersBefore).toBe(run.files.length);

    const numbers = stock.carnets.map((carnet) => carnet.number);
    expect(
      run.files.map((file: { carnetCount: number; firstCarnetNumber: string; lastCarnetNumber: string; fileName: string }) => [
        file.fileName,
        file.carnetCount,
        file.firstCarnetNumber,
        file.lastCarnetNumber,
      ]),
    ).toEqual([
      ['carnets-001.pdf', 4, numbers[0], numbers[3]],
      ['carnets-002.pdf', 4, numbers[4], numbers[7]],
      ['carnets-003.pdf', 2, numbers[8], numbers[9]],
    ]);

    const second = run.files[1];
    const response = await download(funder, second.downloadUrl).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf: Buffer = response.body;
    expect(pdf.length).toBe(second.bytes);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(second.sha256);
    expect(statSync(join(storageDir, 'print-runs', run.id, 'carnets-002.pdf')).size).toBe(second.bytes);
    expect(pdfPageCount(pdf)).toBe(4 * pagesOfCarnet(5));

    // First coupon page of the file's first carnet: every QR scans and verifies.
    const page = rasterisePage(pdf, 2);
    const now = new Date();
    for (let index = 0; index < COUPONS_PER_PAGE; index++) {
      const payload = testApp.app.get(VoucherQrService).verify(decodeQrIn(page, couponQrBox(index))!, now);
      expect(payload).toMatchObject({
        serial: stock.carnets[4].vouchers[index].serial,
        code: stock.carnets[4].vouchers[index].code,
        territory: ['69'],
      });
    }
    const text = pdfText(pdf);
    for (const carnet of stock.carnets.slice(4, 8))
      for (const voucher of carnet.vouchers) expect(text).toContain(formatVoucherCode(voucher.code));
    expect(text).not.toContain(formatVoucherCode(stock.carnets[3].vouchers[0].code));

    const audit = await testApp.dataSource.query(`SELECT action, actor_kind FROM audit_events WHERE object_id = $1 ORDER BY occurred_at`, [
      run.id,
    ]);
    expect(audit).toEqual([
      { action: 'print_run.requested', actor_kind: 'user' },
      { action: 'print_run.completed', actor_kind: 'system' },
    ]);
  });

  it('lets a prescriber print its carnets by id, and nobody else see the run or its files', async () => {
    const ids = [stock.carnets[2].id, stock.carnets[0].id];
    const requested = await http(testApp).post('/api/v1/print-runs').set(bearer(prescriber.token)).send({ carnetIds: ids }).expect(202);
    const { body: run } = await waitUntilFinished(prescriber, requested.body.id);
    expect(run.files).toEqual([
      expect.objectContaining({ carnetCount: 2, firstCarnetNumber: stock.carnets[0].number, lastCarnetNumber: stock.carnets[2].number }),
    ]);
    await download(prescriber, run.files[0].downloadUrl).expect(200);
    for (const outsider of [otherPrescriber, funder, otherFunder]) {
      await getRun(outsider, run.id).expect(404);
      await download(outsider, run.files[0].downloadUrl).expect(404);
    }
    const listed = await http(testApp).get('/api/v1/print-runs').set(bearer(prescriber.token)).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([run.id]);
    await download(prescriber, `/api/v1/print-runs/${run.id}/files/2`).expect(404);
  });

  it('lets ANCT list every organisation’s runs with who asked for them, read only, while others list only their own', async () => {
    const requested = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(prescriber.token))
      .send({ carnetIds: [stock.carnets[1].id] })
      .expect(202);
    await waitUntilFinished(prescriber, requested.body.id);
    const own = async (who: LoggedIn) =>
      (await http(testApp).get('/api/v1/print-runs?limit=100').set(bearer(who.token)).expect(200)).body.items as {
        id: string;
        organisationId: string;
        organisationName: string;
      }[];
    const [everyone, ofPrescriber, ofFunder, ofOtherPrescriber] = await Promise.all([anct, prescriber, funder, otherPrescriber].map(own));
    expect(everyone.map((item) => item.id).sort()).toEqual([...ofPrescriber, ...ofFunder].map((item) => item.id).sort());
    expect(ofOtherPrescriber).toEqual([]);
    const [organisation] = await testApp.dataSource.query('SELECT name FROM organisations WHERE id = $1', [prescriber.organisationId]);
    expect(everyone.find((item) => item.id === requested.body.id)).toMatchObject({
      organisationId: prescriber.organisationId,
      organisationName: organisation.name,
      status: 'completed',
    });
    // Watching is not opening: the run and its files stay the requester's.
    await getRun(anct, requested.body.id).expect(403);
    await download(anct, `/api/v1/print-runs/${requested.body.id}/files/1`).expect(403);
  });

  it('refuses carnets the requester does not hold (404) and bad requests (400, 422), creating nothing', async () => {
    const before = await tableCounts(testApp);
    await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(prescriber.token))
      .send({ carnetIds: [stock.carnets[0].id, stock.carnets[5].id] })
      .expect(404);
    await http(testApp).post('/api/v1/print-runs').set(bearer(otherFunder.token)).send({ orderId: stock.order.id }).expect(404);
    await http(testApp).post('/api/v1/print-runs').set(bearer(prescriber.token)).send({}).expect(400);
    await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(prescriber.token))
      .send({ orderId: stock.order.id, carnetIds: [stock.carnets[0].id] })
      .expect(400);
    await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(prescriber.token))
      .send({ carnetIds: ['not-a-uuid'] })
      .expect(400);
    const tooMany = Array.from({ length: 5001 }, () => randomUUID());
    const response = await http(testApp).post('/api/v1/print-runs').set(bearer(funder.token)).send({ carnetIds: tooMany }).expect(422);
    expect(response.body.code).toBe('PRINT_RUN_TOO_LARGE');
    expect(await tableCounts(testApp)).toEqual(before);
  });

  it('is idempotent: a completed run is left alone, a retried run resumes after its last finished file', async () => {
    const requested = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(funder.token))
      .send({ orderId: stock.order.id })
      .expect(202);
    const { body: run } = await waitUntilFinished(funder, requested.body.id);
    const directory = join(storageDir, 'print-runs', run.id);
    const firstFile = statSync(join(directory, 'carnets-001.pdf'));
    const renderer = testApp.worker!.get(PrintRunRenderer);

    await renderer.render(run.id, { finalAttempt: false });
    expect(statSync(join(directory, 'carnets-001.pdf')).mtimeMs).toBe(firstFile.mtimeMs);

    // A crash after file 1: files 2 and 3 never made it to disk.
    unlinkSync(join(directory, 'carnets-002.pdf'));
    unlinkSync(join(directory, 'carnets-003.pdf'));
    await testApp.dataSource.query(`UPDATE print_runs SET status = 'running', carnets_done = 4 WHERE id = $1`, [run.id]);
    await renderer.render(run.id, { finalAttempt: false });
    expect(statSync(join(directory, 'carnets-001.pdf')).mtimeMs).toBe(firstFile.mtimeMs);
    const resumed = (await getRun(funder, run.id).expect(200)).body;
    expect(resumed).toMatchObject({ status: 'completed', carnetsDone: 10 });
    expect(resumed.files.map((file: { index: number }) => file.index)).toEqual([1, 2, 3]);
    expect(statSync(join(directory, 'carnets-003.pdf')).size).toBe(resumed.files[2].bytes);
  });

  it('marks the run failed, with the reason, when the last attempt fails', async () => {
    const requested = await http(testApp)
      .post('/api/v1/print-runs')
      .set(bearer(prescriber.token))
      .send({ carnetIds: [stock.carnets[1].id] })
      .expect(202);
    const { body: run } = await waitUntilFinished(prescriber, requested.body.id);
    const directory = join(storageDir, 'print-runs', run.id);
    unlinkSync(join(directory, 'carnets-001.pdf'));
    // The partial file cannot be created: a directory already has its name.
    mkdirSync(join(directory, 'carnets-001.pdf.partial'));
    await testApp.dataSource.query(`UPDATE print_runs SET status = 'running' WHERE id = $1`, [run.id]);
    await expect(testApp.worker!.get(PrintRunRenderer).render(run.id, { finalAttempt: true })).rejects.toThrow(/EISDIR/);
    expect((await getRun(prescriber, run.id).expect(200)).body).toMatchObject({
      status: 'failed',
      failureReason: expect.stringContaining('EISDIR'),
    });
  });
});
