import fc from 'fast-check';
import { BASE45_ALPHABET, Base45DecodeError, decodeBase45, encodeBase45 } from './base45';

describe('base45 (RFC 9285)', () => {
  // Section 4.3 and 4.4 examples of the RFC.
  const rfcVectors: ReadonlyArray<[string, string]> = [
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ];

  it.each(rfcVectors)('encodes %j as %j', (plain, encoded) => {
    expect(encodeBase45(Buffer.from(plain, 'utf8'))).toBe(encoded);
  });

  it.each(rfcVectors)('decodes %j from %j', (plain, encoded) => {
    expect(Buffer.from(decodeBase45(encoded)).toString('utf8')).toBe(plain);
  });

  it('maps the empty input to the empty output both ways', () => {
    expect(encodeBase45(Buffer.alloc(0))).toBe('');
    expect(decodeBase45('')).toEqual(Buffer.alloc(0));
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase45(encodeBase45(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('only ever emits alphabet characters, 3 per byte pair and 2 for an odd last byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase45(bytes);
        expect(text.length).toBe(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2);
        expect([...text].every((char) => BASE45_ALPHABET.includes(char))).toBe(true);
      }),
    );
  });

  it('has a single spelling for each byte string: accepted text re-encodes to itself', () => {
    const alphabetText = fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET), maxLength: 30 });
    fc.assert(
      fc.property(alphabetText, (text) => {
        let decoded: Uint8Array;
        try {
          decoded = decodeBase45(text);
        } catch (error) {
          expect(error).toBeInstanceOf(Base45DecodeError);
          return;
        }
        expect(encodeBase45(decoded)).toBe(text);
      }),
    );
  });

  describe('rejects invalid text', () => {
    const rejection = (text: string): Base45DecodeError => {
      try {
        decodeBase45(text);
      } catch (error) {
        if (error instanceof Base45DecodeError) return error;
        throw error;
      }
      throw new Error(`decodeBase45(${JSON.stringify(text)}) was accepted`);
    };

    it.each(['A', 'BB8A', 'QED8WEX0QE'])('a length ≡ 1 (mod 3): %j', (text) => {
      expect(rejection(text)).toMatchObject({ code: 'INVALID_BASE45', details: { reason: 'INVALID_LENGTH' } });
    });

    it.each([
      ['lower case', 'bb8', 0],
      ['a character outside the alphabet', 'BB8#B8', 3],
      ['a non-ASCII look-alike', 'BB8BBÀ', 5],
      ['a line break', 'BB8\nB', 3],
    ])('%s', (_label, text, position) => {
      expect(rejection(text)).toMatchObject({ code: 'INVALID_BASE45', details: { reason: 'INVALID_CHARACTER', position } });
    });

    it.each([
      // ":::" = 44 + 44·45 + 44·45² = 91 124 > 65 535 (example given by the RFC itself).
      ['a triple above 0xFFFF', ':::', 0],
      // "FGW" = 15 + 16·45 + 32·45² = 65 535 is the largest valid triple, "GGW" is one more.
      ['a triple just above 0xFFFF', 'BB8GGW', 3],
      // "6Z" = 6 + 35·45 = 1 581 > 255 for a final pair.
      ['a final pair above 0xFF', 'BB86Z', 3],
      // "V5" = 31 + 5·45 = 256.
      ['a final pair just above 0xFF', 'V5', 0],
    ])('%s', (_label, text, position) => {
      expect(rejection(text)).toMatchObject({ code: 'INVALID_BASE45', details: { reason: 'VALUE_OUT_OF_RANGE', position } });
    });

    it('accepts the largest valid groups', () => {
      expect(decodeBase45('FGW')).toEqual(Buffer.from([0xff, 0xff]));
      expect(decodeBase45('U5')).toEqual(Buffer.from([0xff]));
    });
  });
});
