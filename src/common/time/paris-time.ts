/**
 * Calendar dates of the programme (validity, distribution stop) are French dates: they start and end at
 * midnight in Europe/Paris, whose offset to UTC changes twice a year. Stored instants are UTC.
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS_TIME_ZONE, timeZoneName: 'longOffset' });
const longDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const isoDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

// Built once: constructing an Intl formatter per call would dominate the cost of big exports.
const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A day of the calendar; `month` runs from 1 to 12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** What a clock on a wall shows; `hour` runs from 0 to 23. */
export interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

/** `YYYY-MM-DD` that names a real day (no 31 April). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Offset of Paris time to UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
export function parisOffsetMs(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** The UTC instant of 00:00 Paris time on a calendar day. Midnight is never inside a DST jump (they happen at 2–3 am). */
export function startOfParisDay(date: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day);
  const firstGuess = wallClockAsUtc - parisOffsetMs(new Date(wallClockAsUtc));
  return new Date(wallClockAsUtc - parisOffsetMs(new Date(firstGuess)));
}

/** The last whole second of a calendar day in Paris (23:59:59): what "valable jusqu'au 31/12" means. */
export function endOfParisDay(date: string): Date {
  return new Date(startOfParisDay(addDays(date, 1)).getTime() - 1000);
}

/** Calendar-day arithmetic on `YYYY-MM-DD` (zone-free: a day is a day, even across a DST change). */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** First day of the month of `date`. */
export function startOfMonth(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month before the month of `date`: 31/03 for any day of April. */
export function lastDayOfPreviousMonth(date: string): string {
  return addDays(startOfMonth(date), -1);
}

/** `31 décembre 2027`. */
export function formatParisLongDate(instant: Date): string {
  return longDateFormat.format(instant);
}

/** `31/12/2027`. */
export function formatParisShortDate(instant: Date): string {
  return shortDateFormat.format(instant);
}

/** Today's date in Paris as `YYYY-MM-DD` (late evening UTC is already tomorrow in Paris). */
export function parisToday(now: Date): string {
  return isoDateFormat.format(now);
}

/** The date and time a clock on a wall in Paris showed at `instant` (DST handled by ICU). */
export function parisWallClock(instant: Date): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallClockFormat.formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}
