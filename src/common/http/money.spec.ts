import { centsAsNumbers } from './money';

describe('centsAsNumbers', () => {
  it('turns integer strings of …Cents fields into numbers, at any depth', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      centsAsNumbers({
        id: '42',
        totalCents: '123456789012',
        balanceDueCents: '-500',
        valueCents: 1000,
        label: 'x',
        at,
        items: [{ amountCents: '0', reference: '17' }],
        nested: { before: { totalDueCents: '2080000' } },
      }),
    ).toEqual({
      id: '42',
      totalCents: 123456789012,
      balanceDueCents: -500,
      valueCents: 1000,
      label: 'x',
      at,
      items: [{ amountCents: 0, reference: '17' }],
      nested: { before: { totalDueCents: 2080000 } },
    });
  });

  it('leaves alone what is not an exact integer amount', () => {
    expect(centsAsNumbers({ aCents: '12.5', bCents: 'abc', cCents: '9007199254740993', dCents: null })).toEqual({
      aCents: '12.5',
      bCents: 'abc',
      cCents: '9007199254740993',
      dCents: null,
    });
    expect(centsAsNumbers('1000')).toBe('1000');
    expect(centsAsNumbers([1, '2'])).toEqual([1, '2']);
  });
});
