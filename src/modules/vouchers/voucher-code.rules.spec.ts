import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  VOUCHER_CHECK_QUASIGROUP,
  VOUCHER_CODE_ALPHABET,
  VOUCHER_CODE_LENGTH,
  VOUCHER_CODE_PAYLOAD_LENGTH,
  VOUCHER_NONCE_BYTES,
  buildCarnetNumber,
  buildVoucherSerial,
  computeVoucherCheckCharacter,
  deriveVoucherCode,
  formatVoucherCode,
  hashVoucherCode,
  newVoucherNonce,
  parseVoucherCode,
} from './voucher-code.rules';

const ALPHABET = [...VOUCHER_CODE_ALPHABET];
const SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => i)); // 00 01 … 1f
const NONCE = Buffer.from(Array.from({ length: 10 }, (_, i) => i)); // 00 01 … 09
const SERIAL = '2026-0042-000123-07';
/** Computed with an independent Python implementation (hmac + closed-form check ⊕ α^k·d_k). */
const KNOWN_CODE = 'W9C8S3X772YYHN2Q';

const payloadArb = fc.string({
  unit: fc.constantFrom(...ALPHABET),
  minLength: VOUCHER_CODE_PAYLOAD_LENGTH,
  maxLength: VOUCHER_CODE_PAYLOAD_LENGTH,
});
const codeArb = payloadArb.map((payload) => payload + computeVoucherCheckCharacter(payload));

function randomCodes(count: number): string[] {
  const nonces = randomBytes(count * VOUCHER_NONCE_BYTES);
  return Array.from({ length: count }, (_, i) =>
    deriveVoucherCode(SECRET, 1, `serial-${i}`, nonces.subarray(i * VOUCHER_NONCE_BYTES, (i + 1) * VOUCHER_NONCE_BYTES)),
  );
}

function substitute(code: string, position: number, char: string): string {
  return code.slice(0, position) + char + code.slice(position + 1);
}

function swap(code: string, i: number, j: number): string {
  const chars = [...code];
  [chars[i], chars[j]] = [chars[j], chars[i]];
  return chars.join('');
}

/** Independent of the implementation: shift-and-add multiplication modulo x^5 + x^2 + 1. */
function gf32Multiply(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0b100000) a ^= 0b100101;
  }
  return product;
}

describe('check character quasigroup', () => {
  const op = (x: number, y: number) => VOUCHER_CHECK_QUASIGROUP[x][y];
  const symbols = [...Array(32).keys()];

  it('is x∘y = (2·x) ⊕ y in GF(2^5) with modulus x^5 + x^2 + 1', () => {
    for (const x of symbols) for (const y of symbols) expect(op(x, y)).toBe(gf32Multiply(2, x) ^ y);
  });

  it('is a Latin square (quasigroup): every row and column is a permutation of 0..31', () => {
    for (const i of symbols) {
      expect(new Set(symbols.map((j) => op(i, j))).size).toBe(32);
      expect(new Set(symbols.map((j) => op(j, i))).size).toBe(32);
      expect(symbols.map((j) => op(i, j)).every((v) => v >= 0 && v < 32)).toBe(true);
    }
  });

  it('is totally anti-symmetric: (c∘x)∘y = (c∘y)∘x implies x = y (exhaustive, 32^3 triples)', () => {
    let violations = 0;
    for (const c of symbols)
      for (const x of symbols) for (const y of symbols) if (x !== y && op(op(c, x), y) === op(op(c, y), x)) violations++;
    expect(violations).toBe(0);
  });

  it.each([
    ['000000000000000', '0'],
    ['K7QM3XHZ0000000', 'E'],
    ['ZZZZZZZZZZZZZZZ', 'N'],
    ['123456789ABCDEF', 'P'],
  ])('check character of %s is %s', (payload, check) => {
    expect(computeVoucherCheckCharacter(payload)).toBe(check);
  });

  it('rejects payload characters outside the alphabet', () => {
    expect(() => computeVoucherCheckCharacter('00000000000000U')).toThrow(RangeError);
  });
});

describe('check character error detection', () => {
  it('catches every single substitution and every adjacent transposition (exhaustive on 3,000 random codes)', () => {
    const missed: string[] = [];
    for (const code of randomCodes(3_000)) {
      expect(parseVoucherCode(code)).toEqual({ ok: true, code });
      for (let position = 0; position < VOUCHER_CODE_LENGTH; position++) {
        for (const char of ALPHABET) {
          if (char === code[position]) continue;
          const typo = substitute(code, position, char);
          if (parseVoucherCode(typo).ok) missed.push(typo);
        }
        if (position + 1 < VOUCHER_CODE_LENGTH && code[position] !== code[position + 1]) {
          const typo = swap(code, position, position + 1);
          if (parseVoucherCode(typo).ok) missed.push(typo);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('property: a single substitution is reported as CHECK_CHARACTER_MISMATCH', () => {
    fc.assert(
      fc.property(codeArb, fc.nat({ max: VOUCHER_CODE_LENGTH - 1 }), fc.constantFrom(...ALPHABET), (code, position, char) => {
        fc.pre(code[position] !== char);
        expect(parseVoucherCode(substitute(code, position, char))).toEqual({
          ok: false,
          reason: 'CHECK_CHARACTER_MISMATCH',
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: an adjacent transposition is reported as CHECK_CHARACTER_MISMATCH', () => {
    fc.assert(
      fc.property(codeArb, fc.nat({ max: VOUCHER_CODE_LENGTH - 2 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        expect(parseVoucherCode(swap(code, position, position + 1))).toEqual({
          ok: false,
          reason: 'CHECK_CHARACTER_MISMATCH',
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('property (bonus of α having order 31): a transposition at any distance is caught too', () => {
    fc.assert(
      fc.property(codeArb, fc.nat({ max: VOUCHER_CODE_LENGTH - 1 }), fc.nat({ max: VOUCHER_CODE_LENGTH - 1 }), (code, i, j) => {
        fc.pre(code[i] !== code[j]);
        expect(parseVoucherCode(swap(code, i, j)).ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseVoucherCode', () => {
  it('property: format → parse gives back the code', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(parseVoucherCode(formatVoucherCode(code))).toEqual({ ok: true, code });
      }),
    );
  });

  it('property: lowercase, O/I/L aliases and any spaces or dashes are accepted', () => {
    const variants: Record<string, string[]> = { '0': ['0', 'O', 'o'], '1': ['1', 'I', 'i', 'L', 'l'] };
    const separatorArb = fc.constantFrom('', '', ' ', '-', '  ', '\t', '\u00a0', '\u2013', ' - ');
    fc.assert(
      fc.property(
        codeArb,
        fc.array(fc.nat(), { minLength: VOUCHER_CODE_LENGTH, maxLength: VOUCHER_CODE_LENGTH }),
        fc.array(separatorArb, { minLength: VOUCHER_CODE_LENGTH + 1, maxLength: VOUCHER_CODE_LENGTH + 1 }),
        (code, choices, separators) => {
          const typed =
            separators[0] +
            [...code]
              .map((char, i) => {
                const options = variants[char] ?? [char, char.toLowerCase()];
                return options[choices[i] % options.length] + separators[i + 1];
              })
              .join('');
          expect(parseVoucherCode(typed)).toEqual({ ok: true, code });
        },
      ),
    );
  });

  it.each([
    ['formatted', 'W9C8-S3X7-72YY-HN2Q'],
    ['lowercase', 'w9c8-s3x7-72yy-hn2q'],
    ['spaces instead of dashes', 'W9C8 S3X7 72YY HN2Q'],
    ['no separators, padded', '  W9C8S3X772YYHN2Q\n'],
    ['mixed separators', 'W9C8 - S3X7--72YY HN2Q'],
  ])('accepts %s: %j', (_, input) => {
    expect(parseVoucherCode(input)).toEqual({ ok: true, code: KNOWN_CODE });
  });

  it.each([
    ['O and o for 0', 'K0M1-Q0X1-Z0W1-R01J', 'KOM1-QoX1-ZOW1-Ro1J'],
    ['I and i for 1', 'K0M1-Q0X1-Z0W1-R01J', 'K0MI-Q0Xi-Z0WI-R0iJ'],
    ['L and l for 1', 'K0M1-Q0X1-Z0W1-R01J', 'K0ML-Q0Xl-Z0WL-R0lJ'],
    ['every alias at once', '0000-1111-0000-111F', 'oOoO-IiLl-OoOo-iLlf'],
  ])('accepts %s', (_, code, typed) => {
    expect(parseVoucherCode(typed)).toEqual({ ok: true, code: code.replace(/-/g, '') });
  });

  it.each([
    ['empty', ''],
    ['only separators', ' - - '],
    ['one character short', 'W9C8-S3X7-72YY-HN2'],
    ['one character long', 'W9C8-S3X7-72YY-HN2Q0'],
    ['U (not Crockford)', 'W9C8-S3X7-72YY-HN2U'],
    ['punctuation', 'W9C8.S3X7.72YY.HN2Q'],
    ['Crockford check symbol *', 'W9C8-S3X7-72YY-HN2*'],
    ['Cyrillic look-alike С', 'W9\u04218-S3X7-72YY-HN2Q'],
    ['dotless ı (uppercases to I in Unicode)', 'W9C8-S3X7-72YY-HN2\u0131'],
    ['ligature ﬁ (uppercases to FI in Unicode)', 'W9C8-S3X7-72YY-HN\ufb01'],
  ])('rejects %s as MALFORMED', (_, input) => {
    expect(parseVoucherCode(input)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('reports a wrong check character as CHECK_CHARACTER_MISMATCH, not MALFORMED', () => {
    expect(parseVoucherCode('W9C8-S3X7-72YY-HN2R')).toEqual({ ok: false, reason: 'CHECK_CHARACTER_MISMATCH' });
    expect(parseVoucherCode('W9C8-S3X7-72YY-H2NQ')).toEqual({ ok: false, reason: 'CHECK_CHARACTER_MISMATCH' });
  });
});

describe('formatVoucherCode', () => {
  it('shows 4 groups of 4 separated by dashes', () => {
    expect(formatVoucherCode(KNOWN_CODE)).toBe('W9C8-S3X7-72YY-HN2Q');
  });

  it('is idempotent and normalises its input', () => {
    expect(formatVoucherCode('w9c8 s3x7 72yy hn2q')).toBe('W9C8-S3X7-72YY-HN2Q');
    expect(formatVoucherCode(formatVoucherCode(KNOWN_CODE))).toBe('W9C8-S3X7-72YY-HN2Q');
  });

  it('refuses to format an invalid code', () => {
    expect(() => formatVoucherCode('W9C8S3X772YYHN2R')).toThrow(RangeError);
    expect(() => formatVoucherCode('W9C8')).toThrow(RangeError);
  });
});

describe('deriveVoucherCode', () => {
  it.each([
    [SECRET, 1, SERIAL, NONCE, 'W9C8S3X772YYHN2Q'],
    [SECRET, 2, SERIAL, NONCE, '9Y5EXNA61YMGHP81'],
    [Buffer.alloc(32, 0xaa), 1, '2026-0001-000001-01', Buffer.alloc(10, 0xff), 'VHB56GAWWT1ECWYT'],
  ])('known answer #%#', (secret, keyVersion, serial, nonce, expected) => {
    expect(deriveVoucherCode(secret, keyVersion, serial, nonce)).toBe(expected);
  });

  it('property: payload is the first 75 bits of HMAC-SHA256(secret, "v{keyVersion}|{serial}|{nonce hex}")', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 64 }),
        fc.nat({ max: 1_000 }),
        fc.string({ minLength: 1 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (secret, keyVersion, serial, nonce) => {
          const code = deriveVoucherCode(Buffer.from(secret), keyVersion, serial, Buffer.from(nonce));
          const digest = createHmac('sha256', secret)
            .update(`v${keyVersion}|${serial}|${Buffer.from(nonce).toString('hex')}`)
            .digest();
          const first75Bits = BigInt(`0x${digest.subarray(0, 10).toString('hex')}`) >> 5n;
          const decoded = [...code.slice(0, 15)].reduce((n, c) => (n << 5n) | BigInt(ALPHABET.indexOf(c)), 0n);
          expect(decoded).toBe(first75Bits);
          expect(parseVoucherCode(code)).toEqual({ ok: true, code });
        },
      ),
    );
  });

  it('property: deterministic for the same inputs; changing secret, key version, serial or nonce changes the code', () => {
    const inputs = fc.record({
      secret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b)),
      keyVersion: fc.nat({ max: 1_000 }),
      serial: fc.string({ minLength: 1, maxLength: 30 }),
      nonce: fc.uint8Array({ minLength: 10, maxLength: 10 }).map((b) => Buffer.from(b)),
    });
    fc.assert(
      fc.property(inputs, inputs, (a, b) => {
        const code = deriveVoucherCode(a.secret, a.keyVersion, a.serial, a.nonce);
        expect(deriveVoucherCode(Buffer.from(a.secret), a.keyVersion, a.serial, Buffer.from(a.nonce))).toBe(code);
        if (!a.secret.equals(b.secret)) expect(deriveVoucherCode(b.secret, a.keyVersion, a.serial, a.nonce)).not.toBe(code);
        if (a.keyVersion !== b.keyVersion) expect(deriveVoucherCode(a.secret, b.keyVersion, a.serial, a.nonce)).not.toBe(code);
        if (a.serial !== b.serial) expect(deriveVoucherCode(a.secret, a.keyVersion, b.serial, a.nonce)).not.toBe(code);
        if (!a.nonce.equals(b.nonce)) expect(deriveVoucherCode(a.secret, a.keyVersion, a.serial, b.nonce)).not.toBe(code);
      }),
    );
  });

  it('changes when a single bit of the secret or the nonce flips', () => {
    const code = deriveVoucherCode(SECRET, 1, SERIAL, NONCE);
    const flipped = (b: Buffer, i: number) => Buffer.from(b.map((v, j) => (j === i ? v ^ 1 : v)));
    for (let i = 0; i < SECRET.length; i++) expect(deriveVoucherCode(flipped(SECRET, i), 1, SERIAL, NONCE)).not.toBe(code);
    for (let i = 0; i < NONCE.length; i++) expect(deriveVoucherCode(SECRET, 1, SERIAL, flipped(NONCE, i))).not.toBe(code);
  });

  it.each([
    ['a secret shorter than 32 bytes', () => deriveVoucherCode(Buffer.alloc(31, 1), 1, SERIAL, NONCE)],
    ['an empty secret', () => deriveVoucherCode(Buffer.alloc(0), 1, SERIAL, NONCE)],
    ['a negative key version', () => deriveVoucherCode(SECRET, -1, SERIAL, NONCE)],
    ['a fractional key version', () => deriveVoucherCode(SECRET, 1.5, SERIAL, NONCE)],
    ['a NaN key version', () => deriveVoucherCode(SECRET, Number.NaN, SERIAL, NONCE)],
    ['an empty serial', () => deriveVoucherCode(SECRET, 1, '', NONCE)],
    ['a 9-byte nonce', () => deriveVoucherCode(SECRET, 1, SERIAL, Buffer.alloc(9))],
    ['an 11-byte nonce', () => deriveVoucherCode(SECRET, 1, SERIAL, Buffer.alloc(11))],
  ])('rejects %s', (_, call) => {
    expect(call).toThrow(RangeError);
  });

  describe('over 1,000,000 chèques (distinct serials, random nonces)', () => {
    const COUNT = 1_000_000;
    let codes: Set<string>;
    let generated = 0;
    const counts = Array.from({ length: VOUCHER_CODE_LENGTH }, () => new Array<number>(32).fill(0));

    beforeAll(() => {
      const nonces = randomBytes(COUNT * VOUCHER_NONCE_BYTES);
      codes = new Set();
      for (let i = 0; i < COUNT; i++) {
        // (carnet, position) = (i / 99, i % 99) is a bijection, so every serial is distinct.
        const serial = buildVoucherSerial(buildCarnetNumber(2026, 42, Math.floor(i / 99) + 1), (i % 99) + 1);
        const nonce = nonces.subarray(i * VOUCHER_NONCE_BYTES, (i + 1) * VOUCHER_NONCE_BYTES);
        const code = deriveVoucherCode(SECRET, 1, serial, nonce);
        codes.add(code);
        for (let p = 0; p < VOUCHER_CODE_LENGTH; p++) counts[p][VOUCHER_CODE_ALPHABET.indexOf(code[p])]++;
        generated++;
      }
    }, 60_000);

    it('has no duplicates', () => {
      expect(generated).toBe(COUNT);
      expect(codes.size).toBe(COUNT);
    });

    it('uses every symbol uniformly at every position (catches lost entropy that uniqueness alone would miss)', () => {
      const expected = COUNT / 32;
      const tolerance = 6 * Math.sqrt(COUNT * (1 / 32) * (31 / 32)); // 6σ: false alarm ≈ 1e-6 over 512 cells
      const outliers = counts.flatMap((row, position) =>
        row.flatMap((count, symbol) => (Math.abs(count - expected) > tolerance ? [`${position}:${ALPHABET[symbol]}=${count}`] : [])),
      );
      expect(outliers).toEqual([]);
    });
  });
});

describe('hashVoucherCode', () => {
  it('is the SHA-256 of the normalised code (known answer)', () => {
    const hash = hashVoucherCode(KNOWN_CODE);
    expect(hash).toHaveLength(32);
    expect(hash.toString('hex')).toBe('b5d2a3e0cc83c3868ed19e72a5442064218dd4df67fd52d59bd49ed170bc49da');
    expect(hash.equals(createHash('sha256').update(KNOWN_CODE).digest())).toBe(true);
  });

  it('is the same for any way of typing the code', () => {
    const hash = hashVoucherCode(KNOWN_CODE);
    for (const typed of ['W9C8-S3X7-72YY-HN2Q', 'w9c8 s3x7 72yy hn2q']) expect(hashVoucherCode(typed).equals(hash)).toBe(true);
  });

  it('differs between codes and refuses invalid codes', () => {
    expect(hashVoucherCode('9Y5EXNA61YMGHP81').equals(hashVoucherCode(KNOWN_CODE))).toBe(false);
    expect(() => hashVoucherCode('W9C8S3X772YYHN2R')).toThrow(RangeError);
    expect(() => hashVoucherCode('')).toThrow(RangeError);
  });
});

describe('newVoucherNonce', () => {
  it('returns 10 fresh random bytes', () => {
    const nonces = Array.from({ length: 100 }, () => newVoucherNonce());
    for (const nonce of nonces) expect(nonce).toHaveLength(10);
    expect(new Set(nonces.map((n) => n.toString('hex'))).size).toBe(100);
  });
});

describe('buildCarnetNumber', () => {
  it.each([
    [2026, 42, 123, '2026-0042-000123'],
    [2026, 1, 1, '2026-0001-000001'],
    [2027, 9_999, 999_999, '2027-9999-999999'],
    [2027, 10_000, 1_000_000, '2027-10000-1000000'],
    [2030, 123_456, 12_345_678, '2030-123456-12345678'],
  ])('(%i, %i, %i) → %s', (year, order, carnet, expected) => {
    expect(buildCarnetNumber(year, order, carnet)).toBe(expected);
  });

  it.each([
    [999, 1, 1],
    [10_000, 1, 1],
    [2026, 0, 1],
    [2026, 1, 0],
    [2026, -1, 1],
    [2026, 1.5, 1],
    [2026, 1, Number.NaN],
    [2026, 1, Number.MAX_SAFE_INTEGER + 1],
  ])('rejects (%p, %p, %p)', (year, order, carnet) => {
    expect(() => buildCarnetNumber(year, order, carnet)).toThrow(RangeError);
  });
});

describe('buildVoucherSerial', () => {
  it.each([
    ['2026-0042-000123', 7, '2026-0042-000123-07'],
    ['2026-0042-000123', 1, '2026-0042-000123-01'],
    ['2026-0042-000123', 10, '2026-0042-000123-10'],
    ['2026-0042-000123', 99, '2026-0042-000123-99'],
    ['2027-10000-1000000', 3, '2027-10000-1000000-03'],
  ])('(%s, %i) → %s', (carnet, position, expected) => {
    expect(buildVoucherSerial(carnet, position)).toBe(expected);
  });

  it.each([
    ['2026-0042-000123', 0],
    ['2026-0042-000123', 100],
    ['2026-0042-000123', 1.5],
    ['2026-0042-000123', Number.NaN],
    ['', 1],
    ['2026-42-123', 1],
    ['2026-0042-000123-07', 1],
    ['2026-0042-000123\n', 1],
  ])('rejects (%j, %p)', (carnet, position) => {
    expect(() => buildVoucherSerial(carnet, position)).toThrow(RangeError);
  });
});
