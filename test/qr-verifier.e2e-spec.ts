import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { couponQrBox } from '../src/modules/printing/render/carnet-document';
import { anctAdmin, bearer, funderManager, http, LoggedIn, prescriberAgent } from './support/actors';
import { allocateCarnets, createProgramme, createReadyOrder, enrolFunder, StockCarnet } from './support/factories';
import { binary, decodeQrIn, rasterisePage } from './support/pdf';
import { listeningUrl } from './support/redemption-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);
const VERIFIER = join(__dirname, '..', 'docs', 'verifier', 'verify-cheque-qr.mjs');

// Rasterising a page and decoding QR codes from pixels takes a few seconds on a busy machine.
jest.setTimeout(60_000);

/**
 * The scheme must outlive any operator: a printed chèque is checked by the standalone verifier of
 * docs/verifier (Node's standard library only) against what the API publishes, and nothing else.
 */
describe('Standalone verification of a printed chèque', () => {
  let testApp: TestApp;
  let prescriber: LoggedIn;
  let carnet: StockCarnet;

  /** The verifier as an outsider runs it: another process, the API's public address, its exit code and JSON line. */
  async function verify(qrText: string): Promise<{ exitCode: number; output: Record<string, unknown> }> {
    const api = `${await listeningUrl(testApp)}/api/v1`;
    try {
      const { stdout } = await run('node', [VERIFIER, '--api', api, qrText]);
      return { exitCode: 0, output: JSON.parse(stdout) };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { exitCode: failed.code, output: JSON.parse(failed.stdout) };
    }
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const anct = await anctAdmin(testApp);
    const funder = await funderManager(testApp, anct);
    prescriber = await prescriberAgent(testApp, funder);
    const programme = await createProgramme(testApp, { validUntil: '2030-12-31' });
    await enrolFunder(testApp, programme.id, funder.organisationId);
    const stock = await createReadyOrder(testApp, {
      programme,
      funderId: funder.organisationId,
      carnetCount: 1,
      carnetSize: 5,
      territoryDepartements: ['69'],
    });
    carnet = stock.carnets[0];
    await allocateCarnets(testApp, [carnet.id], prescriber.organisationId);
  });
  afterAll(() => testApp.close());

  it('verifies the QR codes read from the printed PDF, and reports a chèque put in opposition since as revoked', async () => {
    const pdf: Buffer = (
      await http(testApp).get(`/api/v1/carnets/${carnet.id}/pdf`).set(bearer(prescriber.token)).buffer(true).parse(binary).expect(200)
    ).body;
    const page = rasterisePage(pdf, 2);
    const [first, second] = [0, 1].map((index) => decodeQrIn(page, couponQrBox(index)));
    if (!first || !second) throw new Error('a QR code of the printed page did not scan');

    const genuine = await verify(first);
    expect(genuine).toEqual({
      exitCode: 0,
      output: {
        valid: true,
        version: 1,
        keyId: 'dev-2026',
        serial: carnet.vouchers[0].serial,
        code: carnet.vouchers[0].code,
        expiresAt: '2030-12-31T22:59:59.000Z',
        territory: ['69'],
        signatureValid: true,
        expired: false,
        revoked: false,
      },
    });

    await http(testApp)
      .post(`/api/v1/vouchers/${carnet.vouchers[1].serial}/opposition`)
      .set(bearer(prescriber.token))
      .send({ reason: 'stolen' })
      .expect(200);
    const revoked = await verify(second);
    expect(revoked).toMatchObject({
      exitCode: 1,
      output: { valid: false, error: 'revoked', serial: carnet.vouchers[1].serial, signatureValid: true, revoked: true },
    });

    const forged = await verify(first.slice(0, -3) + (first.endsWith('000') ? '111' : '000'));
    expect(forged).toMatchObject({ exitCode: 1, output: { valid: false } });
  });
});
