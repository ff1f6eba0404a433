import { randomBytes } from 'node:crypto';
import { deriveVoucherCode, hashVoucherCode, parseVoucherCode } from '../vouchers/voucher-code.rules';
import { buildCarnetBatch, CARNET_COPY_COLUMNS, CarnetBatchSpec, VOUCHER_COPY_COLUMNS } from './carnet-batch';

const SPEC: CarnetBatchSpec = {
  orderId: '11111111-1111-4111-8111-111111111111',
  funderId: '22222222-2222-4222-8222-222222222222',
  year: 2026,
  orderSequence: 42,
  carnetSize: 10,
  faceValueCents: 1000,
  expiresAt: new Date('2027-12-31T22:59:59.999Z'),
  codeSecret: { version: 3, secret: randomBytes(32) },
  firstSequence: 101,
  carnetCount: 50,
};

/** Reads a COPY text line back (no field of ours contains a tab, a newline or an escaped character but bytea's `\\x`). */
function fields(line: string): string[] {
  return line.split('\t').map((field) => field.replace(/^\\\\x/, '\\x'));
}

describe('buildCarnetBatch', () => {
  it('numbers the chunk’s carnets from its first sequence and fills each with its chèques', async () => {
    const batch = await buildCarnetBatch(SPEC);
    expect({ firstSequence: batch.firstSequence, carnetCount: batch.carnetCount, voucherCount: batch.voucherCount }).toEqual({ firstSequence: 101, carnetCount: 50, voucherCount: 500 });
    const carnets = batch.carnetRows.trimEnd().split('\n').map(fields);
    expect(carnets).toHaveLength(50);
    expect(carnets.every((row) => row.length === CARNET_COPY_COLUMNS.length)).toBe(true);
    expect(carnets[0].slice(1)).toEqual([SPEC.orderId, SPEC.funderId, '101', '2026-0042-000101', '10', 'in_stock']);
    expect(carnets[49][4]).toBe('2026-0042-000150');

    const vouchers = batch.voucherRows.trimEnd().split('\n').map(fields);
    expect(vouchers).toHaveLength(500);
    expect(vouchers.every((row) => row.length === VOUCHER_COPY_COLUMNS.length)).toBe(true);
    const [id, carnetId, orderId, funderId, position, serial, , keyVersion, , faceValue, status, expiresAt] = vouchers[0];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect([carnetId, orderId, funderId, position, serial, keyVersion, faceValue, status, expiresAt]).toEqual([
      carnets[0][0],
      SPEC.orderId,
      SPEC.funderId,
      '1',
      '2026-0042-000101-01',
      '3',
      '1000',
      'active',
      '2027-12-31T22:59:59.999Z',
    ]);
    expect(vouchers[499][5]).toBe('2026-0042-000150-10');
    expect(new Set(vouchers.map((row) => row[0])).size).toBe(500);
    expect(new Set(vouchers.map((row) => row[5])).size).toBe(500);
  });

  it('stores the hash of the code derived from the serial and nonce, never the code', async () => {
    const batch = await buildCarnetBatch({ ...SPEC, carnetCount: 5 });
    for (const line of batch.voucherRows.trimEnd().split('\n')) {
      const row = fields(line);
      const nonce = Buffer.from(row[8].slice(2), 'hex');
      expect(nonce).toHaveLength(10);
      const code = deriveVoucherCode(SPEC.codeSecret.secret, SPEC.codeSecret.version, row[5], nonce);
      expect(parseVoucherCode(code).ok).toBe(true);
      expect(row[6]).toBe(`\\x${hashVoucherCode(code).toString('hex')}`);
      expect(line).not.toContain(code);
    }
  });

  it('draws a fresh nonce per chèque, so two runs of the same chunk give different codes', async () => {
    const [a, b] = await Promise.all([buildCarnetBatch({ ...SPEC, carnetCount: 2 }), buildCarnetBatch({ ...SPEC, carnetCount: 2 })]);
    const hashes = (rows: string) => rows.trimEnd().split('\n').map((line) => fields(line)[6]);
    expect(hashes(a.voucherRows).filter((hash) => hashes(b.voucherRows).includes(hash))).toEqual([]);
  });

  it('yields to the event loop while it works, so timers and I/O keep running', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await buildCarnetBatch({ ...SPEC, carnetCount: 2_000 }); // 20,000 chèques
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThanOrEqual(5);
  });
});
