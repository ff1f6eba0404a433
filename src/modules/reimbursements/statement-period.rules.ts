import {
  addDays,
  formatParisShortDate,
  isCalendarDate,
  lastDayOfPreviousMonth,
  parisToday,
  startOfParisDay,
} from '../../common/time/paris-time';

export type DayCheck = { ok: true; day: string } | { ok: false; reason: string };

/**
 * How often venues are reimbursed: `monthly` (the historical rhythm, 1st → last day of the month) or
 * `twice_monthly` (1st → 15th and 16th → last day, as pass Culture pays venues: small associations
 * need their cash sooner).
 */
export const STATEMENT_PERIODS = ['monthly', 'twice_monthly'] as const;
export type StatementPeriod = (typeof STATEMENT_PERIODS)[number];

/** Drawn up at 05:00 (Paris) the day after each period ends, unless `REIMBURSEMENT_STATEMENT_CRON` says otherwise. */
const DEFAULT_STATEMENT_CRONS: Record<StatementPeriod, string> = { monthly: '0 5 1 * *', twice_monthly: '0 5 1,16 * *' };

/** The schedule of statement runs: the one configured, else the one that follows the period. */
export function statementSchedule(period: StatementPeriod, configuredCron: string | undefined): string {
  return configuredCron ?? DEFAULT_STATEMENT_CRONS[period];
}

/**
 * The period a statement run covers ends on a whole Paris day: by default the end of the last period
 * that is over (monthly: the last day of the previous month; twice a month: the 15th once it is over,
 * else the last day of the previous month). A day not yet over cannot end a period — scans of that day
 * are still coming in.
 */
export function defaultStatementPeriodEnd(now: Date, period: StatementPeriod = 'monthly'): string {
  const today = parisToday(now);
  if (period === 'twice_monthly' && Number(today.slice(8, 10)) > 15) return `${today.slice(0, 7)}-15`;
  return lastDayOfPreviousMonth(today);
}

export function checkStatementPeriodEnd(periodEnd: string, now: Date): DayCheck {
  if (!isCalendarDate(periodEnd)) return { ok: false, reason: `periodEnd must be a YYYY-MM-DD day, got ${JSON.stringify(periodEnd)}` };
  const yesterday = addDays(parisToday(now), -1);
  if (periodEnd > yesterday) return { ok: false, reason: `periodEnd must be a past day (at most ${yesterday}, Europe/Paris)` };
  return { ok: true, day: periodEnd };
}

/** A SEPA transfer cannot be asked for a day already past (Paris). */
export function checkExecutionDate(day: string, now: Date): DayCheck {
  if (!isCalendarDate(day)) return { ok: false, reason: `requestedExecutionDate must be a YYYY-MM-DD day, got ${JSON.stringify(day)}` };
  const today = parisToday(now);
  if (day < today) return { ok: false, reason: `requestedExecutionDate must be today (${today}) or later` };
  return { ok: true, day };
}

/** `du 01/03/2026 au 31/03/2026`, as statements and transfer remittances print a period. */
export function formatStatementPeriod(periodStart: string, periodEnd: string): string {
  return `du ${formatParisShortDate(startOfParisDay(periodStart))} au ${formatParisShortDate(startOfParisDay(periodEnd))}`;
}
