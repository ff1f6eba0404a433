import { dormantCutoff } from './dormant-stock.rules';

describe('dormantCutoff', () => {
  it.each([
    ['2026-12-02T10:00:00.000Z', 90, '2026-09-03T10:00:00.000Z'],
    ['2026-12-02T10:00:00.000Z', 1, '2026-12-01T10:00:00.000Z'],
    // Whole days of 24 h, whatever the Paris clock does in between (the window is a duration, not a calendar).
    ['2026-03-30T10:00:00.000Z', 2, '2026-03-28T10:00:00.000Z'],
  ])('from %s, %i days back is %s', (now, days, cutoff) => {
    expect(dormantCutoff(new Date(now), days).toISOString()).toBe(cutoff);
  });
});
