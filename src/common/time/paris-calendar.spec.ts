import { addDays, formatDayFr, isCalendarDay, lastDayOfPreviousMonth, parisDay, startOfMonth, startOfParisDay } from './paris-calendar';

describe('paris-calendar', () => {
  it.each([
    ['2026-03-31T21:59:59Z', '2026-03-31'], // 23:59:59 in Paris (summer time, UTC+2)
    ['2026-03-31T22:00:00Z', '2026-04-01'], // midnight in Paris
    ['2026-01-31T22:59:59Z', '2026-01-31'], // winter time, UTC+1
    ['2026-01-31T23:00:00Z', '2026-02-01'],
  ])('parisDay(%s) = %s', (instant, day) => {
    expect(parisDay(new Date(instant))).toBe(day);
  });

  it.each([
    ['2026-04-15', '2026-03-31'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-10', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('lastDayOfPreviousMonth(%s) = %s', (day, expected) => {
    expect(lastDayOfPreviousMonth(day)).toBe(expected);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the DST change: days, not 24-hour periods
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %d) = %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day summer time starts (at 02:00)
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day winter time comes back
  ])('startOfParisDay(%s) = %s', (day, instant) => {
    expect(startOfParisDay(day).toISOString()).toBe(instant);
  });

  it('startOfMonth and formatDayFr', () => {
    expect(startOfMonth('2026-07-19')).toBe('2026-07-01');
    expect(formatDayFr('2026-07-09')).toBe('09/07/2026');
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-01', ''])('rejects %j', (day) => {
    expect(isCalendarDay(day)).toBe(false);
    expect(() => addDays(day, 1)).toThrow(RangeError);
  });
});
