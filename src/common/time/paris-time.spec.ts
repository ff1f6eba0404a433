import {
  addDays,
  endOfParisDay,
  formatParisLongDate,
  formatParisShortDate,
  isCalendarDate,
  lastDayOfPreviousMonth,
  parisOffsetMs,
  parisToday,
  startOfMonth,
  startOfParisDay,
} from './paris-time';

describe('Paris time', () => {
  it.each([
    ['2027-12-31', '2027-12-31T22:59:59.000Z'], // winter, UTC+1
    ['2027-06-30', '2027-06-30T21:59:59.000Z'], // summer, UTC+2
    ['2027-03-28', '2027-03-28T21:59:59.000Z'], // day clocks go forward: ends in summer time
    ['2027-10-31', '2027-10-31T22:59:59.000Z'], // day clocks go back: ends in winter time
    ['2028-02-29', '2028-02-29T22:59:59.000Z'], // leap day
    ['2027-01-31', '2027-01-31T22:59:59.000Z'], // month end rolls over to 1 February
  ])('the last second of %s in Paris is %s', (date, expected) => {
    expect(endOfParisDay(date).toISOString()).toBe(expected);
  });

  it.each([
    ['2027-03-28', '2027-03-27T23:00:00.000Z'],
    ['2027-10-31', '2027-10-30T22:00:00.000Z'],
  ])('midnight of %s in Paris is %s', (date, expected) => {
    expect(startOfParisDay(date).toISOString()).toBe(expected);
  });

  it.each(['2027-02-29', '2027-04-31', '2027-13-01', '27-12-31', '2027-12-31T00:00:00Z', ''])('refuses %j', (date) => {
    expect(isCalendarDate(date)).toBe(false);
    expect(() => endOfParisDay(date)).toThrow(RangeError);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the DST change: days, not 24-hour periods
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('addDays(%s, %d) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-04-15', '2026-03-31'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-10', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('lastDayOfPreviousMonth(%s) = %s', (date, expected) => {
    expect(lastDayOfPreviousMonth(date)).toBe(expected);
    expect(startOfMonth(date)).toBe(`${date.slice(0, 7)}-01`);
  });

  it.each(['2026-02-30', '26-01-01', ''])('calendar arithmetic refuses %j', (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
    expect(() => startOfMonth(date)).toThrow(RangeError);
  });

  it('knows the offset on both sides of a change', () => {
    expect(parisOffsetMs(new Date('2027-03-28T00:59:59Z'))).toBe(3_600_000);
    expect(parisOffsetMs(new Date('2027-03-28T01:00:00Z'))).toBe(7_200_000);
  });

  it('shows dates as a French reader expects, in Paris time', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatParisLongDate(new Date('2027-12-31T23:30:00Z'))).toBe('1 janvier 2028');
    expect(formatParisLongDate(endOfParisDay('2027-12-31'))).toBe('31 décembre 2027');
    expect(formatParisShortDate(endOfParisDay('2027-06-30'))).toBe('30/06/2027');
  });

  it('gives the Paris date, which differs from the UTC date late in the evening', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisToday(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(parisToday(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
