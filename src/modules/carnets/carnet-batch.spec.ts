import { randomBytes } from 'node:crypto';
import { bytesToUuid } from '../../database/pg-binary-copy';
import { deriveVoucherCode, hashVoucherCode, parseVoucherCode } from '../vouchers/voucher-code.rules';
import { buildCarnetBatch, CARNET_COPY_COLUMNS, CarnetBatchSpec, VOUCHER_COPY_COLUMNS } from './carnet-batch';

const SPEC: CarnetBatchSpec = {
  orderId: '11111111-1111-4111-8111-111111111111',
  funderId: '22222222-2222-4222-8222-222222222222',
  year: 2026,
  orderSequence: 42,
  carnetSize: 10,
  faceValueCents: 1000,
  expiresAt: new Date('2027-12-31T22:59:59.000Z'),
  codeSecret: { version: 3, secret: randomBytes(32) },
  firstSequence: 101,
  carnetCount: 50,
};

/** Minimal reader of PostgreSQL binary COPY streams: the rows as lists of raw field values. */
function readCopyStream(stream: Buffer): Buffer[][] {
  expect(stream.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  let offset = 19;
  const rows: Buffer[][] = [];
  for (;;) {
    const fieldCount = stream.readInt16BE(offset);
    offset += 2;
    if (fieldCount === -1) break;
    const row: Buffer[] = [];
    for (let field = 0; field < fieldCount; field++) {
      const length = stream.readInt32BE(offset);
      row.push(stream.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    rows.push(row);
  }
  expect(offset).toBe(stream.length);
  return rows;
}

interface VoucherRow {
  id: string;
  carnetId: string;
  orderId: string;
  funderId: string;
  position: number;
  serial: string;
  codeHash: Buffer;
  keyVersion: number;
  nonce: Buffer;
  faceValueCents: number;
  status: string;
  expiresAt: string;
}

function vouchersOf(stream: Buffer): VoucherRow[] {
  return readCopyStream(stream).map((row) => {
    expect(row).toHaveLength(VOUCHER_COPY_COLUMNS.length);
    return {
      id: bytesToUuid(row[0]),
      carnetId: bytesToUuid(row[1]),
      orderId: bytesToUuid(row[2]),
      funderId: bytesToUuid(row[3]),
      position: row[4].readInt16BE(),
      serial: row[5].toString('utf8'),
      codeHash: row[6],
      keyVersion: row[7].readInt16BE(),
      nonce: row[8],
      faceValueCents: row[9].readInt32BE(),
      status: row[10].toString('utf8'),
      expiresAt: new Date(Date.UTC(2000, 0, 1) + Number(row[11].readBigInt64BE() / 1000n)).toISOString(),
    };
  });
}

describe('buildCarnetBatch', () => {
  it('numbers the chunk’s carnets from its first sequence and fills each with its chèques', async () => {
    const batch = await buildCarnetBatch(SPEC);
    expect({ firstSequence: batch.firstSequence, carnetCount: batch.carnetCount, voucherCount: batch.voucherCount }).toEqual({
      firstSequence: 101,
      carnetCount: 50,
      voucherCount: 500,
    });
    const carnets = readCopyStream(batch.carnetRows).map((row) => {
      expect(row).toHaveLength(CARNET_COPY_COLUMNS.length);
      return [
        bytesToUuid(row[0]),
        bytesToUuid(row[1]),
        bytesToUuid(row[2]),
        row[3].readInt32BE(),
        row[4].toString(),
        row[5].readInt32BE(),
        row[6].toString(),
      ] as const;
    });
    expect(carnets).toHaveLength(50);
    expect(carnets[0].slice(1)).toEqual([SPEC.orderId, SPEC.funderId, 101, '2026-0042-000101', 10, 'in_stock']);
    expect(carnets[49][4]).toBe('2026-0042-000150');

    const vouchers = vouchersOf(batch.voucherRows);
    expect(vouchers).toHaveLength(500);
    expect(vouchers[0]).toMatchObject({
      carnetId: carnets[0][0],
      orderId: SPEC.orderId,
      funderId: SPEC.funderId,
      position: 1,
      serial: '2026-0042-000101-01',
      keyVersion: 3,
      faceValueCents: 1000,
      status: 'active',
      expiresAt: '2027-12-31T22:59:59.000Z',
    });
    expect(vouchers[499]).toMatchObject({ carnetId: carnets[49][0], position: 10, serial: '2026-0042-000150-10' });
    expect(new Set(vouchers.map((v) => v.id)).size).toBe(500);
    expect(new Set(carnets.map((c) => c[0])).size).toBe(50);
    expect(new Set(vouchers.map((v) => v.serial)).size).toBe(500);
  });

  it('stores the hash of the code derived from the serial and nonce, never the code', async () => {
    const batch = await buildCarnetBatch({ ...SPEC, carnetCount: 5 });
    const stream = batch.voucherRows.toString('latin1');
    for (const voucher of vouchersOf(batch.voucherRows)) {
      expect(voucher.nonce).toHaveLength(10);
      const code = deriveVoucherCode(SPEC.codeSecret.secret, SPEC.codeSecret.version, voucher.serial, voucher.nonce);
      expect(parseVoucherCode(code).ok).toBe(true);
      expect(voucher.codeHash.equals(hashVoucherCode(code))).toBe(true);
      expect(stream).not.toContain(code);
    }
  });

  it('draws fresh nonces and ids, so two runs of the same chunk share neither codes nor ids', async () => {
    const [a, b] = await Promise.all([buildCarnetBatch({ ...SPEC, carnetCount: 2 }), buildCarnetBatch({ ...SPEC, carnetCount: 2 })]);
    const [first, second] = [vouchersOf(a.voucherRows), vouchersOf(b.voucherRows)];
    const hashes = new Set(first.map((v) => v.codeHash.toString('hex')));
    expect(second.filter((v) => hashes.has(v.codeHash.toString('hex')))).toEqual([]);
    const ids = new Set(first.map((v) => v.id));
    expect(second.filter((v) => ids.has(v.id))).toEqual([]);
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
