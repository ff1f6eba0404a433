import fc from 'fast-check';
import {
  formatIban,
  ibanCheckDigits,
  isValidIban,
  maskIban,
  normaliseIban,
  SEPA_IBAN_LENGTHS,
  validateBic,
  validateIban,
} from './iban.rules';

const VALID_FR = ['FR1420041010050500013M02606', 'FR7630006000011234567890189'];
const VALID_OTHERS = ['DE89370400440532013000', 'BE68539007547034', 'GB29NWBK60161331926819', 'NL91ABNA0417164300'];

/** Replaces the digit at `index` with another digit, keeping the length. */
function alterDigit(iban: string, index: number, delta: number): string {
  const digit = Number(iban[index]);
  const altered = (digit + delta) % 10;
  return iban.slice(0, index) + String(altered) + iban.slice(index + 1);
}

describe('normaliseIban', () => {
  it('strips all whitespace including non-breaking spaces and uppercases', () => {
    expect(normaliseIban(' fr76 3000\u00a06000 0112\t3456 7890 189 ')).toBe('FR7630006000011234567890189');
  });
});

describe('validateIban', () => {
  it.each([...VALID_FR, ...VALID_OTHERS])('accepts %s', (iban) => {
    expect(validateIban(iban)).toEqual({ ok: true, iban });
  });

  it('accepts the paper format and returns the electronic one', () => {
    expect(validateIban('fr14 2004 1010 0505 0001 3m02 606')).toEqual({ ok: true, iban: VALID_FR[0] });
  });

  it.each(VALID_FR)('rejects every single-digit alteration of %s as CHECKSUM', (iban) => {
    for (let index = 2; index < iban.length; index++) {
      if (!/\d/.test(iban[index])) continue;
      for (let delta = 1; delta <= 9; delta++) {
        expect(validateIban(alterDigit(iban, index, delta))).toEqual({ ok: false, reason: 'CHECKSUM' });
      }
    }
  });

  it('rejects a swap of two adjacent different digits', () => {
    // 30006 -> 30060 in the bank code
    expect(validateIban('FR7630060000011234567890189')).toEqual({ ok: false, reason: 'CHECKSUM' });
  });

  it.each([
    ['', 'FORMAT'],
    ['FR76-3000-6000-0112-3456-7890-189', 'FORMAT'],
    ['7630006000011234567890189FR', 'FORMAT'],
    ['FRXX30006000011234567890189', 'FORMAT'],
    ['FR76300060000112345678901É9', 'FORMAT'],
    ['US64SVBKUS6S3300958879', 'COUNTRY'],
    ['BR1800360305000010009795493C1', 'COUNTRY'],
    ['FR763000600001123456789018', 'LENGTH'],
    ['FR76300060000112345678901890', 'LENGTH'],
    ['FR76A0006000011234567890189', 'FORMAT'], // letter in the French bank code
  ] as const)('rejects %j as %s', (input, reason) => {
    expect(validateIban(input)).toEqual({ ok: false, reason });
  });

  it('rejects check digits 00, 01 and 99 even when they satisfy mod 97', () => {
    const bban = '30006000011234567890189';
    const correct = ibanCheckDigits('FR', bban); // '76'
    expect(correct).toBe('76');
    // 97 ≡ 0 and 98 ≡ 1 (mod 97): build a BBAN whose correct digits are 97 or 98 and swap them.
    const bbanWith = (wanted: string): string => {
      for (let n = 0; n < 100_000; n++) {
        const candidate = `3000600001${String(n).padStart(11, '0')}00`;
        if (ibanCheckDigits('FR', candidate) === wanted) return candidate;
      }
      throw new Error(`no BBAN found for ${wanted}`);
    };
    const b97 = bbanWith('97');
    const b98 = bbanWith('98');
    expect(validateIban(`FR97${b97}`).ok).toBe(true);
    expect(validateIban(`FR00${b97}`)).toEqual({ ok: false, reason: 'CHECKSUM' });
    expect(validateIban(`FR98${b98}`).ok).toBe(true);
    expect(validateIban(`FR01${b98}`)).toEqual({ ok: false, reason: 'CHECKSUM' });
    expect(validateIban(`FR99${bban}`)).toEqual({ ok: false, reason: 'CHECKSUM' });
  });

  it('property: computed check digits always validate, any single-digit change never does', () => {
    const frenchBban = fc
      .tuple(fc.stringMatching(/^\d{10}$/), fc.stringMatching(/^[0-9A-Z]{11}$/), fc.stringMatching(/^\d{2}$/))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(frenchBban, fc.nat(), fc.integer({ min: 1, max: 9 }), (bban, position, delta) => {
        const iban = `FR${ibanCheckDigits('FR', bban)}${bban}`;
        expect(validateIban(iban)).toEqual({ ok: true, iban });
        const digitPositions = [...iban].flatMap((c, i) => (i >= 2 && /\d/.test(c) ? [i] : []));
        const altered = alterDigit(iban, digitPositions[position % digitPositions.length], delta);
        expect(validateIban(altered).ok).toBe(false);
      }),
    );
  });

  it('knows France is 27 characters long', () => {
    expect(SEPA_IBAN_LENGTHS.FR).toBe(27);
  });

  it('isValidIban is the boolean shorthand', () => {
    expect(isValidIban(VALID_FR[0])).toBe(true);
    expect(isValidIban('FR00')).toBe(false);
  });
});

describe('formatIban / maskIban', () => {
  it('formats in groups of four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('fr76 30006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });

  it('masks everything but the country, check digits and last four', () => {
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 **** **** **** **** ***0 189');
    expect(maskIban('FR14 2004 1010 0505 0001 3M02 606')).toBe('FR14 **** **** **** **** ***2 606');
  });

  it('masks short garbage entirely', () => {
    expect(maskIban('FR76123')).toBe('*******');
  });
});

describe('validateBic', () => {
  it.each(['BNPAFRPP', 'BNPAFRPPXXX', 'CEPAFRPP751', 'agri frpp 882', 'PSSTFRPPPAR'])('accepts %s', (bic) => {
    const result = validateBic(bic);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.bic).toBe(bic.replace(/\s/g, '').toUpperCase());
  });

  it.each([
    ['BNPAFRP', 'LENGTH'],
    ['BNPAFRPPXX', 'LENGTH'],
    ['BNPAFRPPXXXX', 'LENGTH'],
    ['BNP1FRPP', 'FORMAT'], // digit in the institution code
    ['BNPAF1PP', 'FORMAT'], // digit in the country code
    ['BNPAFR1P', 'FORMAT'], // location cannot start with 1
    ['BNPAFRPO', 'FORMAT'], // location cannot end with the letter O
    ['BNPAFRPP-XX', 'FORMAT'],
  ] as const)('rejects %s as %s', (bic, reason) => {
    expect(validateBic(bic)).toEqual({ ok: false, reason });
  });
});
