import { couponStateOf, coverDedication, printRunFileName, splitIntoParts, venueAreaOf } from './printing.rules';

describe('couponStateOf', () => {
  it.each([
    ['active', 'valid'],
    ['allocated', 'valid'],
    ['issued', 'valid'],
    ['redeemed', 'redeemed'],
    ['cancelled', 'cancelled'],
    ['expired', 'expired'],
  ] as const)('%s → %s', (status, state) => {
    expect(couponStateOf(status)).toBe(state);
  });
  it('refuses a chèque still being generated', () => {
    expect(() => couponStateOf('generated')).toThrow(RangeError);
  });
});

describe('splitIntoParts', () => {
  it.each([
    [0, 250, []],
    [1, 250, [1]],
    [250, 250, [250]],
    [251, 250, [250, 1]],
    [2000, 250, [250, 250, 250, 250, 250, 250, 250, 250]],
    [7, 3, [3, 3, 1]],
  ])('%d items by %d → parts of %j', (count, perPart, sizes) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const parts = splitIntoParts(items, perPart);
    expect(parts.map((part) => part.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(items);
  });
  it('refuses an empty part size', () => {
    expect(() => splitIntoParts([1], 0)).toThrow(RangeError);
  });
});

describe('printRunFileName', () => {
  it('pads to three digits', () => {
    expect(printRunFileName(1)).toBe('carnets-001.pdf');
    expect(printRunFileName(42)).toBe('carnets-042.pdf');
    expect(printRunFileName(1000)).toBe('carnets-1000.pdf');
  });
});

describe('venueAreaOf', () => {
  const beneficiary = { communeInseeCode: '69266', departementCode: '69' };
  const prescriber = { communeInseeCode: '69123', departementCode: '69' };
  it('prefers the beneficiary, then the structure, then the funder', () => {
    expect(venueAreaOf({ beneficiary, prescriber, funderDepartementCode: '01' })).toEqual(beneficiary);
    expect(venueAreaOf({ beneficiary: null, prescriber, funderDepartementCode: '01' })).toEqual(prescriber);
    expect(venueAreaOf({ beneficiary: null, prescriber: null, funderDepartementCode: '01' })).toEqual({
      communeInseeCode: null,
      departementCode: '01',
    });
    expect(
      venueAreaOf({ beneficiary: null, prescriber: { communeInseeCode: null, departementCode: null }, funderDepartementCode: null }),
    ).toEqual({
      communeInseeCode: null,
      departementCode: null,
    });
  });
});

describe('coverDedication', () => {
  it.each([
    ['Offert par le Département du Rhône', { offeredBy: null, text: 'Offert par le Département du Rhône' }],
    ['  offerte par la Métropole de Lyon ', { offeredBy: null, text: 'offerte par la Métropole de Lyon' }],
    ['Avec le Département du Rhône', { offeredBy: 'Offert par Département 69', text: 'Avec le Département du Rhône' }],
    ['Offertoire', { offeredBy: 'Offert par Département 69', text: 'Offertoire' }],
    [null, { offeredBy: 'Offert par Département 69', text: null }],
    ['   ', { offeredBy: 'Offert par Département 69', text: null }],
  ])('%j', (text, expected) => {
    expect(coverDedication('Département 69', text)).toEqual(expected);
  });
});
