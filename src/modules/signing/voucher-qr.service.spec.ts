import { loadAppConfig } from '../../config/app-config';
import { VoucherCodeSecrets } from '../vouchers/voucher-code-secrets';
import { buildVoucherSerial, deriveVoucherCode, hashVoucherCode, newVoucherNonce } from '../vouchers/voucher-code.rules';
import { decodeBase45, encodeBase45 } from './base45';
import { generateSigningKeyPair, signingKeyToConfigEntry } from './key-ring';
import { SigningKeysService } from './signing-keys.service';
import { VoucherCodeMismatchError, VoucherQrService, type QrVoucher } from './voucher-qr.service';
import { SignatureError, SigningError, signVoucherQr, VOUCHER_QR_PREFIX } from './voucher-signature';

const SECRET = Buffer.alloc(32, 7);
const OLD = generateSigningKeyPair('pn-2026', new Date('2026-01-01T00:00:00Z'), new Date('2028-12-31T23:59:59Z'));
const NEW = generateSigningKeyPair('pn-2027', new Date('2027-01-01T00:00:00Z'), new Date('2029-12-31T23:59:59Z'));
const entry = (key: typeof OLD) =>
  `${signingKeyToConfigEntry(key)}:${key.notBefore.toISOString().slice(0, 10)}:${key.notAfter.toISOString().slice(0, 10)}`;

function serviceWith(keys: (typeof OLD)[]) {
  const config = loadAppConfig({ SIGNING_KEYS: keys.map(entry).join(','), VOUCHER_CODE_SECRETS: `3:${SECRET.toString('base64')}` });
  const signingKeys = new SigningKeysService(config);
  return { service: new VoucherQrService(new VoucherCodeSecrets(config), signingKeys), signingKeys };
}

function voucher(expiresAt = new Date('2027-12-31T22:59:59.999Z')): QrVoucher & { expectedCode: string } {
  const serial = buildVoucherSerial('2026-0042-000123', 7);
  const codeNonce = newVoucherNonce();
  const expectedCode = deriveVoucherCode(SECRET, 3, serial, codeNonce);
  return { serial, codeNonce, codeKeyVersion: 3, codeHash: hashVoucherCode(expectedCode), expiresAt, expectedCode };
}

function rejectionCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof SignatureError) return error.code;
    throw error;
  }
  return 'ACCEPTED';
}

describe('VoucherQrService', () => {
  const { service } = serviceWith([OLD, NEW]);
  const now = new Date('2026-06-01T10:00:00Z');
  const chèque = voucher();

  it('prints the code derived from the stored serial, nonce and key version, signed into the QR', () => {
    const { code, qrText } = service.codesFor(chèque, ['69', '69266'], now);
    expect(code).toBe(chèque.expectedCode);
    expect(qrText.startsWith(VOUCHER_QR_PREFIX)).toBe(true);
    expect(service.verify(qrText, now)).toEqual({
      version: 1,
      keyId: 'pn-2026',
      serial: '2026-0042-000123-07',
      code: chèque.expectedCode,
      expiresAt: new Date('2027-12-31T22:59:59Z'),
      territory: ['69', '69266'],
    });
  });

  it('reprints the very same QR text', () => {
    expect(service.codesFor(chèque, [], now)).toEqual(service.codesFor(chèque, [], now));
  });

  it('signs with the newest key valid now that outlives the chèque', () => {
    const later = new Date('2027-03-01T00:00:00Z');
    expect(service.verify(service.codesFor(chèque, [], later).qrText, later).keyId).toBe('pn-2027');
    const outlivesOld = voucher(new Date('2029-06-30T21:59:59Z'));
    expect(service.verify(service.codesFor(outlivesOld, [], later).qrText, later).keyId).toBe('pn-2027');
  });

  it('refuses to print when no key covers the chèque, and says so before hand-out', () => {
    const tooLong = voucher(new Date('2030-06-30T21:59:59Z'));
    expect(() => service.codesFor(tooLong, [], now)).toThrow(SigningError);
    expect(() => service.assertCanSign(tooLong.serial, tooLong.expiresAt, now)).toThrow(SigningError);
    expect(() => service.assertCanSign(chèque.serial, chèque.expiresAt, now)).not.toThrow();
  });

  it('never prints a code that does not match the stored hash', () => {
    expect(() => service.codeOf({ ...chèque, codeHash: hashVoucherCode('0000000000000000') })).toThrow(VoucherCodeMismatchError);
  });

  describe('verification codes', () => {
    const { qrText } = service.codesFor(chèque, ['69'], now);
    const signed = decodeBase45(qrText.slice(VOUCHER_QR_PREFIX.length));
    const reencode = (bytes: Buffer) => VOUCHER_QR_PREFIX + encodeBase45(bytes);

    it('a tampered payload byte (the expiry) → INVALID_SIGNATURE', () => {
      const tampered = Buffer.from(signed);
      tampered[tampered.length - 64 - 5] ^= 0x01; // last byte of the uint32 expiry
      expect(rejectionCode(() => service.verify(reencode(tampered), now))).toBe('INVALID_SIGNATURE');
    });

    it('a tampered signature byte → INVALID_SIGNATURE', () => {
      const tampered = Buffer.from(signed);
      tampered[tampered.length - 1] ^= 0x80;
      expect(rejectionCode(() => service.verify(reencode(tampered), now))).toBe('INVALID_SIGNATURE');
    });

    it('signed by a key the platform does not know → UNKNOWN_KEY', () => {
      const stranger = generateSigningKeyPair('pn-rogue', OLD.notBefore, OLD.notAfter);
      const forged = signVoucherQr(
        { serial: chèque.serial, code: chèque.expectedCode, expiresAt: new Date('2027-12-31T22:59:59Z'), territory: [] },
        stranger,
        now,
      );
      expect(rejectionCode(() => service.verify(forged, now))).toBe('UNKNOWN_KEY');
    });

    it('signed by another key under a known key id → INVALID_SIGNATURE', () => {
      const impostor = generateSigningKeyPair('pn-2026', OLD.notBefore, OLD.notAfter);
      const forged = signVoucherQr(
        { serial: chèque.serial, code: chèque.expectedCode, expiresAt: new Date('2027-12-31T22:59:59Z'), territory: [] },
        impostor,
        now,
      );
      expect(rejectionCode(() => service.verify(forged, now))).toBe('INVALID_SIGNATURE');
    });

    it.each([
      ['the signature cut short', (text: string) => text.slice(0, -3)],
      ['only the prefix', () => VOUCHER_QR_PREFIX],
      ['another prefix', (text: string) => `XX1:${text.slice(4)}`],
      ['lower case', (text: string) => text.toLowerCase()],
      ['one dangling character', (text: string) => `${text}A`],
    ])('%s → MALFORMED_PAYLOAD', (_label, mutate) => {
      expect(rejectionCode(() => service.verify(mutate(qrText), now))).toBe('MALFORMED_PAYLOAD');
    });

    it('a payload truncated before its signature → MALFORMED_PAYLOAD', () => {
      const payloadOnly = signed.subarray(0, signed.length - 64);
      expect(
        rejectionCode(() =>
          service.verify(
            reencode(Buffer.concat([payloadOnly.subarray(0, payloadOnly.length - 2), signed.subarray(signed.length - 64)])),
            now,
          ),
        ),
      ).toBe('MALFORMED_PAYLOAD');
    });

    it('a genuine QR once its key has expired → KEY_EXPIRED', () => {
      expect(rejectionCode(() => service.verify(qrText, new Date('2029-01-01T00:00:00Z')))).toBe('KEY_EXPIRED');
    });

    it('a key retired from the configuration → UNKNOWN_KEY for what it signed', () => {
      const { service: withoutOld } = serviceWith([NEW]);
      expect(rejectionCode(() => withoutOld.verify(qrText, now))).toBe('UNKNOWN_KEY');
    });
  });
});
