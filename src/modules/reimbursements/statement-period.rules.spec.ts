import {
  checkExecutionDate,
  checkStatementPeriodEnd,
  defaultStatementPeriodEnd,
  formatStatementPeriod,
  statementSchedule,
} from './statement-period.rules';

describe('statement period rules', () => {
  it.each([
    ['2026-04-01T03:00:00Z', '2026-03-31'], // the 1st at 05:00 Paris: previous month
    ['2026-03-31T22:30:00Z', '2026-03-31'], // already 1 April 00:30 in Paris
    ['2026-03-31T21:30:00Z', '2026-02-28'], // still 31 March 23:30 in Paris
    ['2026-01-10T12:00:00Z', '2025-12-31'],
  ])('default period end at %s is %s', (now, expected) => {
    expect(defaultStatementPeriodEnd(new Date(now))).toBe(expected);
  });

  it.each([
    ['2026-04-16T03:00:00Z', '2026-04-15'], // the 16th at 05:00 Paris: the first half of the month
    ['2026-04-15T21:59:00Z', '2026-03-31'], // still 15 April 23:59 in Paris: that half is not over
    ['2026-04-15T22:00:00Z', '2026-04-15'], // 16 April 00:00 in Paris
    ['2026-04-30T12:00:00Z', '2026-04-15'],
    ['2026-05-01T03:00:00Z', '2026-04-30'], // the 1st: the second half of the previous month
    ['2026-03-01T04:00:00Z', '2026-02-28'],
    ['2026-01-10T12:00:00Z', '2025-12-31'],
  ])('twice a month, default period end at %s is %s', (now, expected) => {
    expect(defaultStatementPeriodEnd(new Date(now), 'twice_monthly')).toBe(expected);
  });

  it('schedules runs after each period ends, unless a schedule is configured', () => {
    expect(statementSchedule('monthly', undefined)).toBe('0 5 1 * *');
    expect(statementSchedule('twice_monthly', undefined)).toBe('0 5 1,16 * *');
    expect(statementSchedule('twice_monthly', '30 6 2,17 * *')).toBe('30 6 2,17 * *');
  });

  const now = new Date('2026-04-15T10:00:00Z');
  it.each([
    ['2026-04-14', true],
    ['2026-03-31', true],
    ['2026-04-15', false], // today is not over
    ['2026-05-01', false],
    ['2026-02-30', false],
    ['14/04/2026', false],
  ])('period end %s accepted: %s', (day, ok) => {
    expect(checkStatementPeriodEnd(day, now).ok).toBe(ok);
  });

  it.each([
    ['2026-04-15', true],
    ['2026-04-20', true],
    ['2026-04-14', false],
    ['2026-04-31', false],
  ])('execution date %s accepted: %s', (day, ok) => {
    expect(checkExecutionDate(day, now).ok).toBe(ok);
  });

  it('prints a period as French dates, summer or winter', () => {
    expect(formatStatementPeriod('2026-03-01', '2026-03-31')).toBe('du 01/03/2026 au 31/03/2026');
    expect(formatStatementPeriod('2026-07-01', '2026-07-31')).toBe('du 01/07/2026 au 31/07/2026');
  });
});
