import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { createVoucherCodeDeriver, deriveVoucherCode, VOUCHER_CODE_ALPHABET } from './voucher-code.rules';

/** The reusable deriver (bulk generation) against Node's own HMAC, beyond the cases of voucher-code.rules.spec.ts. */
function first75BitsOfHmac(secret: Uint8Array, keyVersion: number, serial: string, nonce: Uint8Array): bigint {
  const digest = createHmac('sha256', secret)
    .update(`v${keyVersion}|${serial}|${Buffer.from(nonce).toString('hex')}`)
    .digest();
  return BigInt(`0x${digest.subarray(0, 10).toString('hex')}`) >> 5n;
}

function payloadOf(code: string): bigint {
  return [...code.slice(0, 15)].reduce((n, c) => (n << 5n) | BigInt(VOUCHER_CODE_ALPHABET.indexOf(c)), 0n);
}

describe('createVoucherCodeDeriver', () => {
  it('property: equals HMAC-SHA256 for keys longer than a block and serials longer than its buffer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 200 }),
        fc.nat({ max: 9999 }),
        fc.string({ minLength: 1, maxLength: 400, unit: 'grapheme' }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (secret, keyVersion, serial, nonce) => {
          const code = createVoucherCodeDeriver(Buffer.from(secret), keyVersion)(serial, Buffer.from(nonce));
          expect(payloadOf(code)).toBe(first75BitsOfHmac(secret, keyVersion, serial, nonce));
        },
      ),
    );
  });

  it('gives the same codes when reused for many chèques as deriveVoucherCode does one by one', () => {
    const secret = Buffer.alloc(48, 7);
    const derive = createVoucherCodeDeriver(secret, 2);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (serial, nonce) => {
        expect(derive(serial, Buffer.from(nonce))).toBe(deriveVoucherCode(secret, 2, serial, Buffer.from(nonce)));
      }),
    );
  });

  it('refuses a short secret, a bad key version, an empty serial and a wrong nonce length', () => {
    expect(() => createVoucherCodeDeriver(Buffer.alloc(31), 1)).toThrow(RangeError);
    expect(() => createVoucherCodeDeriver(Buffer.alloc(32), -1)).toThrow(RangeError);
    const derive = createVoucherCodeDeriver(Buffer.alloc(32), 1);
    expect(() => derive('', Buffer.alloc(10))).toThrow(RangeError);
    expect(() => derive('s', Buffer.alloc(9))).toThrow(RangeError);
  });
});
