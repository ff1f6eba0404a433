import fc from 'fast-check';
import {
  decodeVoucherPayload,
  encodeVoucherPayload,
  isCommuneCode,
  isDepartementCode,
  type VoucherPayload,
  VoucherPayloadError,
} from './voucher-payload';
import { voucherPayloadArbitrary } from './voucher-payload.arbitrary';

const samplePayload: VoucherPayload = {
  version: 1,
  keyId: 'pn-2026-a',
  serial: '2026-0042-000123-07',
  code: '7K3M9QX2HZ4TB8WD',
  expiresAt: new Date('2027-06-30T21:59:59Z'),
  territory: ['75', '2A', '971', '75056', '2A004', '97105'],
};

function rejectionOf(bytes: Uint8Array): VoucherPayloadError {
  try {
    decodeVoucherPayload(bytes);
  } catch (error) {
    if (error instanceof VoucherPayloadError) return error;
    throw error;
  }
  throw new Error(`payload ${Buffer.from(bytes).toString('hex')} was accepted`);
}

function encodingRejectionOf(payload: VoucherPayload): VoucherPayloadError {
  try {
    encodeVoucherPayload(payload);
  } catch (error) {
    if (error instanceof VoucherPayloadError) return error;
    throw error;
  }
  throw new Error(`payload ${JSON.stringify(payload)} was encoded`);
}

describe('voucher payload', () => {
  it('round-trips any valid payload', () => {
    fc.assert(
      fc.property(voucherPayloadArbitrary, (payload) => {
        expect(decodeVoucherPayload(encodeVoucherPayload(payload))).toEqual(payload);
      }),
    );
  });

  it('has exactly one encoding: any bytes that decode re-encode to themselves', () => {
    const mutatedEncoding = fc.tuple(voucherPayloadArbitrary, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([payload, at, mask]) => {
      const bytes = encodeVoucherPayload(payload);
      bytes[at % bytes.length] ^= mask;
      return bytes;
    });
    fc.assert(
      fc.property(mutatedEncoding, (bytes) => {
        let decoded: VoucherPayload;
        try {
          decoded = decodeVoucherPayload(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(VoucherPayloadError);
          return;
        }
        expect(encodeVoucherPayload(decoded)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('lays the sample out as documented', () => {
    expect(encodeVoucherPayload(samplePayload).toString('hex')).toBe(
      [
        '01', // version
        '09',
        Buffer.from('pn-2026-a').toString('hex'), // key id
        '93',
        '2026a0042a000123a07f', // serial: packed flag | 19, nibbles, 0xF padding
        '3cc744dfa28fc9a5a38d', // code: 7K3M9QX2HZ4TB8WD as an 80-bit number (computed independently)
        '6c256fdf', // expiry: 1 814 392 799 s
        '06', // territory count
        '030d8b', // 75      → 200 000 + 75
        '030da4', // 2A      → 200 000 + 100
        '0497ab', // 971     → 300 000 + 971
        '012530', // 75056   → 75 × 1000 + 56
        '0186a4', // 2A004   → 100 × 1000 + 4
        '017b51', // 97105   → 97 × 1000 + 105
      ].join(''),
    );
  });

  it('packs digits-and-dashes serials and keeps other serials as ASCII', () => {
    const serialBytes = (serial: string) =>
      encodeVoucherPayload({ ...samplePayload, serial }).length - encodeVoucherPayload({ ...samplePayload, serial: '1' }).length;
    expect(serialBytes('2026-0042-000123-07')).toBe(10 - 1);
    expect(serialBytes('2026-0042-000123-0')).toBe(9 - 1);
    expect(serialBytes('PN-2026-0042')).toBe(12 - 1);
    expect(decodeVoucherPayload(encodeVoucherPayload({ ...samplePayload, serial: 'PN-2026-0042' })).serial).toBe('PN-2026-0042');
  });

  it('carries an empty territory (valid anywhere) in a single count byte', () => {
    const bytes = encodeVoucherPayload({ ...samplePayload, territory: [] });
    expect(bytes[bytes.length - 1]).toBe(0);
    expect(decodeVoucherPayload(bytes).territory).toEqual([]);
  });

  describe('territory codes', () => {
    it.each(['01', '19', '21', '2A', '2B', '75', '95', '971', '976', '978', '984', '988'])('accepts département %s', (code) => {
      expect(isDepartementCode(code)).toBe(true);
    });
    it.each(['00', '20', '96', '2C', '2a', '970', '979', '983', '1', '075', '75056'])('rejects département %j', (code) => {
      expect(isDepartementCode(code)).toBe(false);
    });
    it.each(['75056', '2A004', '2B033', '01001', '97105', '97411', '98818'])('accepts commune %s', (code) => {
      expect(isCommuneCode(code)).toBe(true);
    });
    it.each(['20004', '00001', '96001', '2C004', '9710', '971050', '97905', '75O56', '75'])('rejects commune %j', (code) => {
      expect(isCommuneCode(code)).toBe(false);
    });
  });

  describe('refuses to encode an invalid payload', () => {
    it.each<[string, Partial<VoucherPayload>]>([
      ['keyId', { keyId: '' }],
      ['keyId', { keyId: 'a-key-id-that-is-17' }],
      ['keyId', { keyId: 'key:1' }],
      ['keyId', { keyId: 'clé' }],
      ['serial', { serial: '' }],
      ['serial', { serial: '1'.repeat(33) }],
      ['serial', { serial: '2026 0042' }],
      ['serial', { serial: 'n°2026' }],
      ['code', { code: '7K3M9QX2HZ4TB8W' }],
      ['code', { code: '7k3m9qx2hz4tb8wd' }],
      ['code', { code: '7K3M-9QX2-HZ4T-B8WD' }],
      ['code', { code: '7K3M9QX2HZ4TB8WU' }],
      ['code', { code: 'IK3M9QX2HZ4TB8WD' }],
      ['expiresAt', { expiresAt: new Date('2027-06-30T21:59:59.500Z') }],
      ['expiresAt', { expiresAt: new Date(-1000) }],
      ['expiresAt', { expiresAt: new Date(2 ** 32 * 1000) }],
      ['expiresAt', { expiresAt: new Date(Number.NaN) }],
      ['territory', { territory: ['20'] }],
      ['territory', { territory: ['Paris'] }],
      ['territory', { territory: ['75', '75'] }],
      ['territory', { territory: Array.from({ length: 256 }, (_, index) => String(1000 + index).padStart(5, '0')) }],
    ])('%s: %j', (field, change) => {
      expect(encodingRejectionOf({ ...samplePayload, ...change })).toMatchObject({ code: 'INVALID_VOUCHER_PAYLOAD', details: { field } });
    });

    it('version', () => {
      const future = { ...samplePayload, version: 2 } as unknown as VoucherPayload;
      expect(encodingRejectionOf(future)).toMatchObject({ code: 'INVALID_VOUCHER_PAYLOAD', details: { field: 'version' } });
    });
  });

  describe('refuses to decode', () => {
    const valid = encodeVoucherPayload(samplePayload);
    const withBytes = (offset: number, ...values: number[]) => {
      const bytes = Buffer.from(valid);
      bytes.set(values, offset);
      return bytes;
    };
    const keyIdEnd = 2 + samplePayload.keyId.length;
    const firstEntry = valid.length - 3 * samplePayload.territory.length;

    it('accepts the last value of the commune range (101 999 = 2B999)', () => {
      expect(decodeVoucherPayload(withBytes(firstEntry, 0x01, 0x8e, 0x6f)).territory[0]).toBe('2B999');
    });

    it('an unknown version, before reading anything else', () => {
      expect(rejectionOf(Buffer.from([2]))).toMatchObject({ code: 'UNSUPPORTED_PAYLOAD_VERSION', details: { version: 2 } });
      expect(rejectionOf(withBytes(0, 0))).toMatchObject({ code: 'UNSUPPORTED_PAYLOAD_VERSION', details: { version: 0 } });
    });

    it('every strict prefix, as truncated', () => {
      for (let length = 0; length < valid.length; length++) {
        expect(rejectionOf(valid.subarray(0, length))).toMatchObject({
          code: 'INVALID_VOUCHER_PAYLOAD',
          details: { reason: 'payload is truncated' },
        });
      }
    });

    it('trailing bytes', () => {
      expect(rejectionOf(Buffer.concat([valid, Buffer.from([0])]))).toMatchObject({
        code: 'INVALID_VOUCHER_PAYLOAD',
        details: { field: 'payload' },
      });
    });

    it.each<[string, number, number[], string]>([
      ['an empty key id', 1, [0], 'keyId'],
      ['a key id with a forbidden character', 2, [0x3a], 'keyId'],
      ['a packed serial with a nibble that is not a digit or a dash', keyIdEnd + 1, [0x2b], 'serial'],
      ['a packed serial whose padding is not 0xF', keyIdEnd + 10, [0x70], 'serial'],
      ['an empty serial', keyIdEnd, [0x80], 'serial'],
      ['a serial longer than 32', keyIdEnd, [0x80 | 33], 'serial'],
      ['an ASCII serial with a control character', keyIdEnd, [1, 0x0a], 'serial'],
      ['a territory entry outside every range (262 027)', firstEntry + 1, [0xff], 'territory'],
      ['a territory entry just past the commune range (102 000)', firstEntry, [0x01, 0x8e, 0x70], 'territory'],
      ['a territory entry for the retired département 20 (200 020)', firstEntry + 2, [0x54], 'territory'],
      ['a territory entry for the commune 00502 (there is no département 00)', firstEntry, [0x00, 0x01, 0xf6], 'territory'],
      ['a territory entry for the overseas département 970 (300 970)', firstEntry + 3 * 2 + 2, [0xaa], 'territory'],
    ])('%s', (_label, offset, values, field) => {
      expect(rejectionOf(withBytes(offset, ...values))).toMatchObject({ code: 'INVALID_VOUCHER_PAYLOAD', details: { field } });
    });

    it('an ASCII serial that should have been packed (a second spelling of the same payload)', () => {
      const asciiSerial = Buffer.from('2026', 'ascii');
      const bytes = Buffer.concat([
        valid.subarray(0, keyIdEnd),
        Buffer.from([asciiSerial.length]),
        asciiSerial,
        valid.subarray(keyIdEnd + 11),
      ]);
      expect(rejectionOf(bytes)).toMatchObject({ code: 'INVALID_VOUCHER_PAYLOAD', details: { field: 'serial' } });
    });

    it('a duplicated territory entry', () => {
      const twice = encodeVoucherPayload({ ...samplePayload, territory: ['75', '13'] });
      twice.copy(twice, twice.length - 3, twice.length - 6, twice.length - 3);
      expect(rejectionOf(twice)).toMatchObject({ code: 'INVALID_VOUCHER_PAYLOAD', details: { field: 'territory' } });
    });
  });
});
