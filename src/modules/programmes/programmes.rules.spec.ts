import { ProgrammeError } from './programmes.errors';
import { assertEnvelopeWithinCap, voucherExpiresAt } from './programmes.rules';

describe('voucherExpiresAt', () => {
  it.each([
    ['2027-12-31', '2027-12-31T22:59:59.000Z'],
    ['2027-06-30', '2027-06-30T21:59:59.000Z'],
  ])('a programme valid until %s gives chèques expiring at %s', (validUntil, expiresAt) => {
    expect(voucherExpiresAt(validUntil).toISOString()).toBe(expiresAt);
  });
});

describe('assertEnvelopeWithinCap', () => {
  it('accepts an envelope up to the cap and refuses one cent more', () => {
    expect(() => assertEnvelopeWithinCap(300_000_000n, 300_000_000n)).not.toThrow();
    expect(() => assertEnvelopeWithinCap(0n, 300_000_000n)).not.toThrow();
    expect(() => assertEnvelopeWithinCap(300_000_001n, 300_000_000n)).toThrow(ProgrammeError);
  });
});
