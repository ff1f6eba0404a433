/**
 * fast-check generator of valid voucher payloads, shared by the payload and signature specs.
 * Test-only: imported by *.spec.ts files alone.
 */
import fc from 'fast-check';
import { VOUCHER_PAYLOAD_VERSION, type VoucherPayload } from './voucher-payload';

const metropolitanPrefix = fc.stringMatching(/^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])$/);
const overseasDepartement = fc.stringMatching(/^(?:97[1-8]|98[4-9])$/);

const territoryCodeArbitrary: fc.Arbitrary<string> = fc.oneof(
  metropolitanPrefix,
  overseasDepartement,
  fc.tuple(metropolitanPrefix, fc.integer({ min: 0, max: 999 })).map(([prefix, number]) => prefix + String(number).padStart(3, '0')),
  fc.tuple(overseasDepartement, fc.integer({ min: 0, max: 99 })).map(([prefix, number]) => prefix + String(number).padStart(2, '0')),
);

export const voucherPayloadArbitrary: fc.Arbitrary<VoucherPayload> = fc.record({
  version: fc.constant(VOUCHER_PAYLOAD_VERSION),
  keyId: fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/),
  // Both serial encodings: digits-and-dashes (packed) and any visible ASCII.
  serial: fc.oneof(fc.stringMatching(/^[0-9-]{1,32}$/), fc.stringMatching(/^[\x21-\x7e]{1,32}$/)),
  code: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{16}$/),
  expiresAt: fc.integer({ min: 0, max: 0xffff_ffff }).map((seconds) => new Date(seconds * 1000)),
  territory: fc.uniqueArray(territoryCodeArbitrary, { maxLength: 20 }),
});
