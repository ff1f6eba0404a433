import { endOfParisDay, parisToday, startOfParisDay } from './paris-time';

describe('Paris calendar days as UTC instants', () => {
  it.each([
    ['2027-12-31', '2027-12-30T23:00:00.000Z', '2027-12-31T22:59:59.999Z'], // winter, UTC+1
    ['2026-07-14', '2026-07-13T22:00:00.000Z', '2026-07-14T21:59:59.999Z'], // summer, UTC+2
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'], // clocks go forward at 02:00: a 23 h day
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'], // clocks go back at 03:00: a 25 h day
    ['2028-02-29', '2028-02-28T23:00:00.000Z', '2028-02-29T22:59:59.999Z'],
  ])('%s starts at %s and ends at %s', (date, start, end) => {
    expect(startOfParisDay(date).toISOString()).toBe(start);
    expect(endOfParisDay(date).toISOString()).toBe(end);
  });

  it.each(['2027-02-29', '2027-13-01', '31/12/2027', ''])('refuses %j', (date) => {
    expect(() => endOfParisDay(date)).toThrow(RangeError);
  });

  it('gives the Paris date, which differs from the UTC date late in the evening', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisToday(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(parisToday(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
