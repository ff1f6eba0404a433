import { retentionCutoff } from './personal-data.rules';

describe('retentionCutoff', () => {
  it.each([
    [0, '2026-12-02T10:00:00.000Z'],
    [1, '2026-12-01T10:00:00.000Z'],
    [365, '2025-12-02T10:00:00.000Z'],
  ])('keeps data %i day(s) after the carnet ended', (days, expected) => {
    expect(retentionCutoff(new Date('2026-12-02T10:00:00Z'), days).toISOString()).toBe(expected);
  });

  it('refuses a period that is not a whole number of days', () => {
    expect(() => retentionCutoff(new Date(), -1)).toThrow(RangeError);
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow(RangeError);
  });
});
