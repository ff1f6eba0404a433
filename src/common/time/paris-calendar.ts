/**
 * Calendar days as French users mean them (Europe/Paris), handled as `YYYY-MM-DD` strings so that no
 * time zone can shift them. Instants are converted in PostgreSQL (`AT TIME ZONE 'Europe/Paris'`),
 * which knows every DST rule; these helpers only do day arithmetic, which is zone-free.
 */
import { calendarDateOf, parisWallClock } from '../export/export-column';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** The Paris calendar day of an instant. */
export function parisDay(instant: Date): string {
  const day = calendarDateOf(instant);
  if (!day) throw new RangeError(`parisDay expects a valid Date, got ${String(instant)}`);
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

export function isCalendarDay(value: string): boolean {
  return ISO_DAY.test(value) && calendarDateOf(value) !== null;
}

function toUtcMidnight(day: string): Date {
  if (!isCalendarDay(day)) throw new RangeError(`expected a YYYY-MM-DD calendar day, got ${JSON.stringify(day)}`);
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const date = toUtcMidnight(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** First day of the month of `day`. */
export function startOfMonth(day: string): string {
  return `${toUtcMidnight(day).toISOString().slice(0, 7)}-01`;
}

/** Last day of the month before the month of `day`: "31/03" when run any day of April. */
export function lastDayOfPreviousMonth(day: string): string {
  return addDays(startOfMonth(day), -1);
}

/** dd/mm/yyyy, as printed on French documents. */
export function formatDayFr(day: string): string {
  toUtcMidnight(day);
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The instant a Paris calendar day begins (Paris is UTC+1 or UTC+2; midnight is never skipped by DST). */
export function startOfParisDay(day: string): Date {
  const utcMidnight = toUtcMidnight(day).getTime();
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const clock = parisWallClock(candidate);
    if (clock.hour === 0 && clock.minute === 0 && parisDay(candidate) === day) return candidate;
  }
  throw new RangeError(`no Paris midnight found for ${day}`);
}
