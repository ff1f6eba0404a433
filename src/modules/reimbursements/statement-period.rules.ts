import { addDays, isCalendarDay, lastDayOfPreviousMonth, parisDay } from '../../common/time/paris-calendar';

export type DayCheck = { ok: true; day: string } | { ok: false; reason: string };

/**
 * The period a statement run covers ends on a whole Paris day: by default the last day of the
 * previous month (the historical monthly rhythm). A day not yet over cannot end a period — scans of
 * that day are still coming in.
 */
export function defaultStatementPeriodEnd(now: Date): string {
  return lastDayOfPreviousMonth(parisDay(now));
}

export function checkStatementPeriodEnd(periodEnd: string, now: Date): DayCheck {
  if (!isCalendarDay(periodEnd)) return { ok: false, reason: `periodEnd must be a YYYY-MM-DD day, got ${JSON.stringify(periodEnd)}` };
  const yesterday = addDays(parisDay(now), -1);
  if (periodEnd > yesterday) return { ok: false, reason: `periodEnd must be a past day (at most ${yesterday}, Europe/Paris)` };
  return { ok: true, day: periodEnd };
}

/** A SEPA transfer cannot be asked for a day already past (Paris). */
export function checkExecutionDate(day: string, now: Date): DayCheck {
  if (!isCalendarDay(day)) return { ok: false, reason: `requestedExecutionDate must be a YYYY-MM-DD day, got ${JSON.stringify(day)}` };
  const today = parisDay(now);
  if (day < today) return { ok: false, reason: `requestedExecutionDate must be today (${today}) or later` };
  return { ok: true, day };
}
