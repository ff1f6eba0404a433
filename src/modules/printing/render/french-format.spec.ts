import { formatEuros, formatLongDate, formatShortDate, toPrintableText } from './french-format';

describe('formatEuros', () => {
  it.each([
    [1000, '10,00 €'],
    [5, '0,05 €'],
    [0, '0,00 €'],
    [10000, '100,00 €'],
    [125000, '1 250,00 €'],
    [300_000_000, '3 000 000,00 €'],
    [-1050, '-10,50 €'],
  ])('%d cents → %j', (cents, text) => {
    expect(formatEuros(cents).replace(/\u00a0/g, ' ')).toBe(text);
  });
  it('never breaks between the amount and the euro sign', () => {
    expect(formatEuros(1000)).toBe('10,00\u00a0€');
  });
  it('refuses fractional cents', () => {
    expect(() => formatEuros(10.5)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('are shown in Paris time', () => {
    expect(formatLongDate(new Date('2027-12-31T22:59:59Z'))).toBe('31 décembre 2027');
    expect(formatShortDate(new Date('2027-12-31T23:00:00Z'))).toBe('01/01/2028');
  });
});

describe('toPrintableText', () => {
  it.each([
    ['Léa Ñúñez-Çœur', 'Léa Ñúñez-Çœur'],
    ['Şükrü', 'Sükrü'],
    ['Łukasz Ő', 'Lukasz O'],
    ['Zoë\nline', 'Zoë line'],
    ['offert par la Région « Grand Est » — 10 €', 'offert par la Région « Grand Est » — 10 €'],
    ['😀 ok', ' ok'],
  ])('%j → %j', (text, printable) => {
    expect(toPrintableText(text)).toBe(printable);
  });
});
