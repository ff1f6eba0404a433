import { exactNumber, meetsTargetPublicMinimum, ratio, redemptionRate, targetPublicMet, targetPublicShare } from './funding-report.rules';

describe('funding report ratios', () => {
  it.each([
    [0, 0, null],
    [0, 10, 0],
    [38, 100, 0.38],
    [10, 10, 1],
  ])('ratio(%d, %d) = %p', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
    expect(redemptionRate(a, b)).toBe(expected);
    expect(targetPublicShare(a, b)).toBe(expected);
  });

  it.each([
    [5, 10, 5000, 'Oui'], // exactly half
    [4, 10, 5000, 'Non'],
    [1, 3, 3333, 'Oui'], // 33.33… % ≥ 33.33 %
    [1, 3, 3334, 'Non'],
    [0, 0, 5000, null],
    [0, 5, 0, 'Oui'],
  ])('%d of %d for a minimum of %d bp → %p', (target, total, minimum, expected) => {
    expect(targetPublicMet(target, total, minimum)).toBe(expected);
    expect(meetsTargetPublicMinimum(target, total, minimum)).toBe(expected === null ? null : expected === 'Oui');
  });

  it('reads bigint text exactly and refuses what a double cannot hold', () => {
    expect(exactNumber('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(() => exactNumber('9007199254740993')).toThrow(RangeError);
  });
});
