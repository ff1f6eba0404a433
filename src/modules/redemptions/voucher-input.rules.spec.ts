import { createVerificationKeyRing, generateSigningKeyPair } from '../signing/key-ring';
import { signVoucherQr } from '../signing/voucher-signature';
import { ambiguousInputs, readVoucherInput } from './voucher-input.rules';

const KNOWN_CODE = 'W9C8S3X772YYHN2Q'; // valid check character (see voucher-code.rules.spec.ts)
const NOW = new Date('2026-06-15T10:00:00Z');
const key = generateSigningKeyPair('test-1', new Date('2026-01-01T00:00:00Z'), new Date('2028-12-31T23:59:59Z'));
const ring = createVerificationKeyRing([key]);
const claims = { serial: '2026-0042-000123-07', code: KNOWN_CODE, expiresAt: new Date('2027-12-31T22:59:59Z'), territory: ['69'] };

describe('readVoucherInput', () => {
  it.each([
    ['W9C8-S3X7-72YY-HN2Q', { ok: true, code: KNOWN_CODE, qrSerial: null }],
    ['w9c8 s3x7 72yy hn2q', { ok: true, code: KNOWN_CODE, qrSerial: null }],
    ['W9C8-S3X7-72YY-HN2R', { ok: false, error: 'CHECK_CHARACTER_MISMATCH' }],
    ['W9C8-S3X7-72YY-NH2Q', { ok: false, error: 'CHECK_CHARACTER_MISMATCH' }],
    ['W9C8-S3X7-72YY', { ok: false, error: 'INVALID_CODE' }],
    ['W9C8-S3X7-72YY-HN2U', { ok: false, error: 'INVALID_CODE' }],
  ])('typed %s', (code, expected) => {
    expect(readVoucherInput({ code }, ring, NOW)).toEqual(expected);
  });

  it('reads the code and serial of an authentic QR', () => {
    const qr = signVoucherQr(claims, key, NOW);
    expect(readVoucherInput({ qr }, ring, NOW)).toEqual({ ok: true, code: KNOWN_CODE, qrSerial: claims.serial });
  });

  it('refuses a tampered QR, a QR from another key and a QR after its key was retired', () => {
    const qr = signVoucherQr(claims, key, NOW);
    const last = qr.at(-1) === '0' ? '1' : '0';
    expect(readVoucherInput({ qr: qr.slice(0, -1) + last }, ring, NOW)).toMatchObject({ ok: false, error: 'INVALID_SIGNATURE' });
    const other = generateSigningKeyPair('test-1', new Date('2026-01-01T00:00:00Z'), new Date('2028-12-31T23:59:59Z'));
    expect(readVoucherInput({ qr: signVoucherQr(claims, other, NOW) }, ring, NOW)).toEqual({
      ok: false,
      error: 'INVALID_SIGNATURE',
      signatureError: 'INVALID_SIGNATURE',
    });
    expect(readVoucherInput({ qr }, ring, new Date('2029-01-01T00:00:00Z'))).toEqual({
      ok: false,
      error: 'INVALID_SIGNATURE',
      signatureError: 'KEY_EXPIRED',
    });
    expect(readVoucherInput({ qr: 'not a qr' }, ring, NOW)).toEqual({
      ok: false,
      error: 'INVALID_SIGNATURE',
      signatureError: 'MALFORMED_PAYLOAD',
    });
  });
});

describe('ambiguousInputs', () => {
  it('names inputs with both or neither of code and qr', () => {
    expect(ambiguousInputs([{ code: 'a' }, { qr: 'b' }, {}, { code: 'a', qr: 'b' }], 'vouchers')).toEqual(['vouchers.2', 'vouchers.3']);
  });
});
