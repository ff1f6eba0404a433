import { parisDateTime, parisDayEnd, parisDayStart } from './paris-day';

describe('Paris days', () => {
  it('starts a winter day at 23:00 UTC the day before, a summer day at 22:00', () => {
    expect(parisDayStart('2026-12-02').toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(parisDayStart('2026-07-14').toISOString()).toBe('2026-07-13T22:00:00.000Z');
  });

  it('ends a day when the next one starts, across a change of time', () => {
    expect(parisDayEnd('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisDayEnd('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parisDayEnd('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('shows an instant in Paris time', () => {
    expect(parisDateTime('2026-12-01T23:30:00.000Z')).toBe('02/12/2026 00:30');
  });
});
