import { formatPercentFr } from '../../../../src/common/export/french-percent';
import { count, monthLabel, percent, percentOfBasisPoints, yesNo } from './format';

// The pages and the report files must write the same figures: a page's cell, without its spaces, is the file's cell.
const compact = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

describe('figures as the pages write them', () => {
  it('rounds every rate of up to 200 as the report files do', () => {
    for (let total = 1; total <= 200; total++) {
      for (let part = 0; part <= total; part++) expect(compact(percent(part / total))).toBe(formatPercentFr(part / total));
    }
  });

  it.each([
    [null, '—'],
    [0.6, '60,0\u202f%'],
    [7 / 30, '23,3\u202f%'],
  ])('percent(%p) = %p', (ratio, text) => expect(percent(ratio)).toBe(text));

  it('writes counts with a thousands space, months and yes/no in French', () => {
    expect(compact(count(1234567))).toBe('1234567');
    expect(count(1234567)).not.toBe('1234567');
    expect(percentOfBasisPoints(5000)).toBe('50,0\u202f%');
    expect(monthLabel('2026-11')).toBe('novembre 2026');
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(['Oui', 'Non', '—']);
  });
});
