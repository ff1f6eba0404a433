import { addDays, formatParisShortDate, isCalendarDate, lastDayOfPreviousMonth, parisToday, startOfParisDay } from '../../common/time/paris-time';

export type DayCheck = { ok: true; day: string } | { ok: false; reason: string };

/**
 * The period a statement run covers ends on a whole Paris day: by default the last day of the
 * previous month (the historical monthly rhythm). A day not yet over cannot end a period — scans of
 * that day are still coming in.
 */
export function defaultStatementPeriodEnd(now: Date): string {
  return lastDayOfPreviousMonth(parisToday(now));
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
