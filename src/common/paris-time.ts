import { calendarDateOf, parisWallClock } from './export/export-column';

/**
 * Calendar dates of the programme (validity, payment value dates) are days in metropolitan France;
 * storage is UTC. These turn a `YYYY-MM-DD` day into the UTC instants that bound it in Paris.
 */

function parseDay(date: string): { year: number; month: number; day: number } {
  const parsed = calendarDateOf(date);
  if (!parsed) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parsed;
}

/** The UTC instant at which a Paris wall clock shows the given time (DST handled by ICU). */
function parisInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let instant = wanted;
  // Two corrections: the first applies the offset of the guess, the second the offset of the result
  // (they differ only when the guess and the answer straddle a DST change).
  for (let round = 0; round < 2; round++) {
    const shown = parisWallClock(new Date(instant));
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second, millisecond);
    instant += wanted - shownUtc;
  }
  return new Date(instant);
}

export function startOfParisDay(date: string): Date {
  const { year, month, day } = parseDay(date);
  return parisInstant(year, month, day, 0, 0, 0, 0);
}

/** Last millisecond of the day in Paris: "valable jusqu'au 31/12/2027" includes the whole evening of the 31st. */
export function endOfParisDay(date: string): Date {
  const { year, month, day } = parseDay(date);
  return parisInstant(year, month, day, 23, 59, 59, 999);
}

/** Today's date in Paris as `YYYY-MM-DD`. */
export function parisToday(now: Date): string {
  const { year, month, day } = parisWallClock(now);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
