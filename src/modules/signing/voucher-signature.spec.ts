import { sign } from 'node:crypto';
import fc from 'fast-check';
import * as QRCode from 'qrcode';
import { BASE45_ALPHABET, decodeBase45, encodeBase45 } from './base45';
import { createVerificationKeyRing, generateSigningKeyPair, type SigningKey } from './key-ring';
import { encodeVoucherPayload, VoucherPayloadError } from './voucher-payload';
import { voucherPayloadArbitrary } from './voucher-payload.arbitrary';
import { SignatureError, SigningError, signVoucherQr, type VoucherClaims, verifyVoucherQr } from './voucher-signature';

const notBefore = new Date('2026-01-01T00:00:00Z');
const notAfter = new Date('2028-12-31T23:59:59Z');
const now = new Date('2026-06-15T10:00:00Z');
const key = generateSigningKeyPair('pn-2026-a', notBefore, notAfter);
const ring = createVerificationKeyRing([key]);

const tenCommunes = ['75056', '2A004', '97105', '13055', '69123', '33063', '59350', '2B033', '97411', '67482'];
const claims: VoucherClaims = {
  serial: '2026-0042-000123-07',
  code: '7K3M9QX2HZ4TB8WD',
  expiresAt: new Date('2027-06-30T21:59:59Z'),
  territory: tenCommunes,
};

/** QR text for arbitrary payload bytes, correctly signed: shows a rejection is about the payload, not the signature. */
function signedText(payloadBytes: Uint8Array, signingKey: SigningKey = key): string {
  return `PN1:${encodeBase45(Buffer.concat([payloadBytes, sign(null, payloadBytes, signingKey.privateKey)]))}`;
}

function rejectionOf(text: string, keyRing = ring, at = now): SignatureError {
  try {
    verifyVoucherQr(text, keyRing, at);
  } catch (error) {
    if (error instanceof SignatureError) return error;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('voucher QR signature', () => {
  const qr = signVoucherQr(claims, key, now);
  const signed = decodeBase45(qr.slice(4));
  const payloadLength = signed.length - 64;

  describe('round trip', () => {
    it('verifies to exactly what was signed', () => {
      expect(verifyVoucherQr(qr, ring, now)).toEqual({ version: 1, keyId: 'pn-2026-a', ...claims });
    });

    it('holds for any valid claims', () => {
      const claimsArbitrary = voucherPayloadArbitrary.map(({ version: _version, keyId: _keyId, ...rest }): VoucherClaims => ({
        ...rest,
        expiresAt: rest.expiresAt > notAfter ? notAfter : rest.expiresAt,
      }));
      fc.assert(
        fc.property(claimsArbitrary, (anyClaims) => {
          expect(verifyVoucherQr(signVoucherQr(anyClaims, key, now), ring, now)).toEqual({ version: 1, keyId: key.keyId, ...anyClaims });
        }),
      );
    });

    it('is deterministic, so a reprinted chèque carries the same QR code', () => {
      expect(signVoucherQr(claims, key, new Date('2026-07-01T00:00:00Z'))).toBe(qr);
    });

    it('writes PN1: then base45 only', () => {
      expect(qr.startsWith('PN1:')).toBe(true);
      expect([...qr.slice(4)].every((char) => BASE45_ALPHABET.includes(char))).toBe(true);
      expect(signed.subarray(0, payloadLength)).toEqual(encodeVoucherPayload({ version: 1, keyId: key.keyId, ...claims }));
    });

    it('verifies chèques of every key in the ring (rotation)', () => {
      const next = generateSigningKeyPair('pn-2027-a', new Date('2027-01-01T00:00:00Z'), new Date('2029-12-31T23:59:59Z'));
      const rotatedRing = createVerificationKeyRing([key, next]);
      const later = new Date('2027-03-01T00:00:00Z');
      expect(verifyVoucherQr(qr, rotatedRing, later).keyId).toBe('pn-2026-a');
      expect(verifyVoucherQr(signVoucherQr(claims, next, later), rotatedRing, later).keyId).toBe('pn-2027-a');
    });
  });

  describe('tampering', () => {
    it.each([0x01, 0x80, 0xff])('rejects byte ^ 0x%s at every position of payload and signature', (mask) => {
      for (let position = 0; position < signed.length; position++) {
        const tampered = Buffer.from(signed);
        tampered[position] ^= mask;
        const error = rejectionOf(`PN1:${encodeBase45(tampered)}`);
        if (position >= payloadLength) expect({ position, code: error.code }).toEqual({ position, code: 'INVALID_SIGNATURE' });
      }
    });

    it('rejects a value change in the fields only the signature protects (code, expiry) as INVALID_SIGNATURE', () => {
      const codeStart = 1 + 1 + key.keyId.length + 1 + 10;
      for (let position = codeStart; position < codeStart + 10 + 4; position++) {
        const tampered = Buffer.from(signed);
        tampered[position] ^= 0x01;
        expect({ position, code: rejectionOf(`PN1:${encodeBase45(tampered)}`).code }).toEqual({ position, code: 'INVALID_SIGNATURE' });
      }
    });

    it('rejects any single character of the QR text replaced by another alphanumeric character', () => {
      const alphanumeric = BASE45_ALPHABET;
      for (let position = 0; position < qr.length; position++) {
        const replacement = alphanumeric[(alphanumeric.indexOf(qr[position]) + 1) % alphanumeric.length];
        rejectionOf(qr.slice(0, position) + replacement + qr.slice(position + 1));
      }
    });

    it('rejects a signature by another key under the same key id as INVALID_SIGNATURE', () => {
      const impostor = generateSigningKeyPair('pn-2026-a', notBefore, notAfter);
      expect(rejectionOf(signVoucherQr(claims, impostor, now)).code).toBe('INVALID_SIGNATURE');
    });

    it('rejects a signature moved onto another payload as INVALID_SIGNATURE', () => {
      const other = decodeBase45(signVoucherQr({ ...claims, serial: '2026-0042-000124-05' }, key, now).slice(4));
      const spliced = Buffer.concat([other.subarray(0, other.length - 64), signed.subarray(payloadLength)]);
      expect(rejectionOf(`PN1:${encodeBase45(spliced)}`).code).toBe('INVALID_SIGNATURE');
    });
  });

  describe('UNKNOWN_KEY', () => {
    it('for a key id absent from the ring', () => {
      const stranger = generateSigningKeyPair('pn-test', notBefore, notAfter);
      expect(rejectionOf(signVoucherQr(claims, stranger, now))).toMatchObject({ code: 'UNKNOWN_KEY', details: { keyId: 'pn-test' } });
    });

    it('for an empty ring', () => {
      expect(rejectionOf(qr, createVerificationKeyRing([])).code).toBe('UNKNOWN_KEY');
    });

    it.each(['__proto__', 'constructor', 'toString'])('for the key id %j', (keyId) => {
      const payload = encodeVoucherPayload({ version: 1, keyId, ...claims });
      expect(rejectionOf(signedText(payload)).code).toBe('UNKNOWN_KEY');
    });
  });

  describe('KEY_EXPIRED', () => {
    it('once now is past the key notAfter', () => {
      const oneSecondLate = new Date(notAfter.getTime() + 1000);
      expect(rejectionOf(qr, ring, oneSecondLate)).toMatchObject({ code: 'KEY_EXPIRED', details: { keyId: 'pn-2026-a' } });
      expect(rejectionOf(qr, ring, new Date('2031-01-01T00:00:00Z')).code).toBe('KEY_EXPIRED');
    });

    it('not at notAfter itself', () => {
      expect(verifyVoucherQr(qr, ring, notAfter).serial).toBe(claims.serial);
    });

    it('not before notBefore either: a lagging device clock must not reject a genuine chèque', () => {
      expect(verifyVoucherQr(qr, ring, new Date('2025-12-31T00:00:00Z')).serial).toBe(claims.serial);
    });

    it('only for authentic signatures: a forgery naming a retired key is INVALID_SIGNATURE', () => {
      const forger = generateSigningKeyPair('pn-2026-a', notBefore, notAfter);
      expect(rejectionOf(signVoucherQr(claims, forger, now), ring, new Date('2031-01-01T00:00:00Z')).code).toBe('INVALID_SIGNATURE');
    });
  });

  describe('UNSUPPORTED_VERSION', () => {
    it.each([0, 2, 255])('for payload version %i, even correctly signed', (version) => {
      const payload = Buffer.from(signed.subarray(0, payloadLength));
      payload[0] = version;
      expect(rejectionOf(signedText(payload))).toMatchObject({ code: 'UNSUPPORTED_VERSION', details: { version } });
    });
  });

  describe('MALFORMED_PAYLOAD', () => {
    const expectMalformed = (text: string) => expect(rejectionOf(text).code).toBe('MALFORMED_PAYLOAD');

    it.each(['', 'PN1', 'PN2:', 'pn1:', 'HC1:', ' PN1:', 'PN1;'])('for the prefix %j', (prefix) => {
      expectMalformed(prefix + qr.slice(4));
    });

    it('for text that is not base45', () => {
      expectMalformed(`${qr}A`); // length ≡ 1 (mod 3)
      expectMalformed(`${qr.slice(0, -3)}GGW`); // group above 0xFFFF
      expectMalformed(qr.toLowerCase().replace('pn1:', 'PN1:'));
    });

    it('for the bytes truncated at every length', () => {
      for (let length = 0; length < signed.length; length++) {
        expect({ length, code: rejectionOf(`PN1:${encodeBase45(signed.subarray(0, length))}`).code }).toEqual({
          length,
          code: 'MALFORMED_PAYLOAD',
        });
      }
    });

    it('for the text truncated at every length', () => {
      for (let length = 0; length < qr.length; length++) {
        expect({ length, code: rejectionOf(qr.slice(0, length)).code }).toEqual({ length, code: 'MALFORMED_PAYLOAD' });
      }
    });

    it('for trailing bytes, even correctly signed', () => {
      expectMalformed(signedText(Buffer.concat([signed.subarray(0, payloadLength), Buffer.from([0])])));
      expectMalformed(`PN1:${encodeBase45(Buffer.concat([signed, Buffer.from([0])]))}`);
    });

    it('for a bad field, even correctly signed', () => {
      const payload = Buffer.from(signed.subarray(0, payloadLength));
      payload[payload.length - 2] = 0xff; // last territory entry: 67482 (0x01079a) becomes 130 970, out of every range
      expect(rejectionOf(signedText(payload))).toMatchObject({ code: 'MALFORMED_PAYLOAD', details: { field: 'territory' } });
    });
  });

  it('throws a RangeError, not a verdict, when now is not a date', () => {
    expect(() => verifyVoucherQr(qr, ring, new Date(Number.NaN))).toThrow(RangeError);
  });

  describe('signing refuses', () => {
    const signingErrorOf = (action: () => unknown): SigningError => {
      try {
        action();
      } catch (error) {
        if (error instanceof SigningError) return error;
        throw error;
      }
      throw new Error('no SigningError was thrown');
    };

    it.each([
      ['before notBefore', new Date(notBefore.getTime() - 1000)],
      ['after notAfter', new Date(notAfter.getTime() + 1000)],
    ])('a key used %s', (_label, at) => {
      expect(signingErrorOf(() => signVoucherQr(claims, key, at)).code).toBe('SIGNING_KEY_NOT_ACTIVE');
    });

    it('a chèque that would expire after its key', () => {
      const tooLate = { ...claims, expiresAt: new Date(notAfter.getTime() + 1000) };
      expect(signingErrorOf(() => signVoucherQr(tooLate, key, now)).code).toBe('VOUCHER_OUTLIVES_SIGNING_KEY');
      expect(verifyVoucherQr(signVoucherQr({ ...claims, expiresAt: notAfter }, key, now), ring, now).expiresAt).toEqual(notAfter);
    });

    it('claims that do not fit the format', () => {
      expect(() => signVoucherQr({ ...claims, code: 'not-a-code' }, key, now)).toThrow(VoucherPayloadError);
    });
  });

  describe('QR code capacity (error correction Q)', () => {
    const qrVersionOf = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'Q' });

    it('fits version ≤ 10 in alphanumeric mode with 10 communes', () => {
      const symbol = qrVersionOf(qr);
      expect(symbol.version).toBeLessThanOrEqual(10);
      expect(symbol.segments.map((segment) => segment.mode.id)).not.toContain('Byte');
      const forcedAlphanumeric = QRCode.create([{ data: qr, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' });
      expect(forcedAlphanumeric.version).toBeLessThanOrEqual(10);
    });

    it('still fits version ≤ 10 at the widest documented key id and serial', () => {
      const widestKey = generateSigningKeyPair('pn-2026-a.rotate', notBefore, notAfter);
      const widest = signVoucherQr({ ...claims, serial: '2026-0042-000123-07-0000-0000-01' }, widestKey, now);
      expect(widest.length).toBeGreaterThan(qr.length);
      expect(qrVersionOf(widest).version).toBeLessThanOrEqual(10);
    });

    it('is checked against a limit the test can actually exceed', () => {
      const twentyCommunes = [...tenCommunes, '06088', '31555', '44109', '34172', '35238', '51454', '76540', '42218', '83137', '21231'];
      expect(qrVersionOf(signVoucherQr({ ...claims, territory: twentyCommunes }, key, now)).version).toBeGreaterThan(10);
    });
  });
});
