import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { distributionClosesAt, FIRST_NAME_PATTERN, normalisePersonName, personPseudonym } from './passes.rules';

const SECRET = 'a-test-pseudonym-secret-of-at-least-32-chars';

describe('normalisePersonName', () => {
  it.each([
    ['Jean-Pierre DUPONT', 'dupont jean pierre'],
    ['  dupont   jean pierre ', 'dupont jean pierre'],
    ['Dupont, Jean Pierre', 'dupont jean pierre'],
    ['Hélène Lefèvre', 'helene lefevre'],
    ['Zoë Çelik', 'celik zoe'],
    ['Œdipe Straße', 'oedipe strasse'],
    ["N'Diaye Aïssatou", 'aissatou diaye n'],
  ])('%j → %j', (typed, normalised) => {
    expect(normalisePersonName(typed)).toBe(normalised);
  });

  it('is idempotent and ignores word order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,10}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const once = normalisePersonName(words.join(' '));
        expect(normalisePersonName(once)).toBe(once);
        expect(normalisePersonName([...words].reverse().join(' - '))).toBe(once);
      }),
    );
  });
});

describe('personPseudonym', () => {
  it('is HMAC-SHA256 of the normalised name and the birth date', () => {
    const expected = createHmac('sha256', SECRET).update('pn-person/v1|dupont jean pierre|1970-05-04').digest();
    expect(personPseudonym(SECRET, 'DUPONT Jean-Pierre', '1970-05-04')).toEqual(expected);
  });

  it('matches the same person typed differently, and nobody else', () => {
    const key = personPseudonym(SECRET, 'Jean-Pierre Dupont', '1970-05-04');
    expect(personPseudonym(SECRET, 'dupont jean pierre', '1970-05-04')).toEqual(key);
    expect(personPseudonym(SECRET, 'Jean-Pierre Dupont', '1970-05-05')).not.toEqual(key);
    expect(personPseudonym(SECRET, 'Jean-Paul Dupont', '1970-05-04')).not.toEqual(key);
    expect(personPseudonym(`${SECRET}!`, 'Jean-Pierre Dupont', '1970-05-04')).not.toEqual(key);
  });

  it('refuses a name without letters', () => {
    expect(() => personPseudonym(SECRET, ' - 12 ', '1970-05-04')).toThrow(RangeError);
  });
});

describe('FIRST_NAME_PATTERN', () => {
  it.each(['Léa', 'Jean-Pierre', "N'Golo", 'Mme Zoë', 'J.', 'Anaïs Œ', 'Łukasz'])('accepts %j', (name) => {
    expect(FIRST_NAME_PATTERN.test(name)).toBe(true);
  });
  it.each(['', ' Léa', 'Léa2', '1 850 75 123', 'Лена', 'محمد', 'Léa\n', 'a'.repeat(41), '-Léa'])('refuses %j', (name) => {
    expect(FIRST_NAME_PATTERN.test(name)).toBe(false);
  });
});

describe('distributionClosesAt', () => {
  it('is stopDays before expiry', () => {
    expect(distributionClosesAt(new Date('2027-12-31T22:59:59Z'), 15).toISOString()).toBe('2027-12-16T22:59:59.000Z');
    expect(distributionClosesAt(new Date('2027-12-31T22:59:59Z'), 0).toISOString()).toBe('2027-12-31T22:59:59.000Z');
  });
});
