import OpeningHours from 'opening_hours';
import { parisWallClock } from '../../common/time/paris-time';
import type { OpeningSlot } from './opening-hours';

/**
 * Opening hours in OpenStreetMap `opening_hours` syntax, as the national standard carries them
 * (`Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00`), read by the maintained `opening_hours` parser.
 *
 * That parser reads and returns `Date`s in the process's local time. Venues are in France whatever the
 * server's zone, so every instant is turned into a "wall clock" date whose local fields are Paris time
 * before it is asked, and its answers are read back through those same local fields: the result does not
 * depend on the server's zone, and a day that has 23 or 25 hours in Paris is still read hour by hour.
 */

/** Public holidays (`PH`) are French ones. */
const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const FRENCH_DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
const LOOK_AHEAD_DAYS = 8;

/** A problem in French with an `opening_hours` value, or null when the parser reads it. */
export function openingHoursProblem(value: string): string | null {
  try {
    parse(value);
    return null;
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 200);
    return `les horaires ne sont pas au format OpenStreetMap (exemple : « Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00 ») : ${detail}`;
  }
}

/** Weekly slots (ISO day, `HH:MM`) as an `opening_hours` value; null for no slot at all. */
export function slotsToOpeningHours(slots: readonly OpeningSlot[]): string | null {
  const rules = OSM_DAYS.map((day, index) => {
    const ranges = slots
      .filter((slot) => slot.day === index + 1)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((slot) => `${slot.opens}-${slot.closes}`);
    return ranges.length > 0 ? `${day} ${ranges.join(',')}` : null;
  }).filter((rule): rule is string => rule !== null);
  return rules.length > 0 ? rules.join('; ') : null;
}

export interface OpeningState {
  openNow: boolean;
  /** Plain French: « Ouvert maintenant, jusqu'à 18 h », « Fermé, ouvre demain à 9 h ». */
  text: string;
}

/** Whether a place is open at `now` and until when (or when it opens next), in Paris time. */
export function openingStateAt(value: string, now: Date): OpeningState {
  const hours = parse(value);
  const wallNow = toParisWallClock(now);
  const horizon = new Date(wallNow.getTime() + LOOK_AHEAD_DAYS * 86_400_000);
  if (hours.getUnknown(wallNow)) return { openNow: false, text: 'Horaires à confirmer auprès du lieu' };
  const openNow = hours.getState(wallNow);
  const next = hours.getNextChange(wallNow, horizon);
  if (openNow) {
    return { openNow, text: next ? `Ouvert maintenant, jusqu'à ${when(next, wallNow)}` : 'Ouvert maintenant' };
  }
  return { openNow, text: next ? `Fermé, ouvre ${when(next, wallNow, 'à ')}` : 'Fermé' };
}

/** `value` holds at `now` (Paris time): the "open now" filter. */
export function isOpenAt(value: string, now: Date): boolean {
  const hours = parse(value);
  return hours.getState(toParisWallClock(now));
}

export interface DayOpeningHours {
  day: string;
  hours: string;
}

/** The seven days from `now`'s Monday, in French: « lundi », « 9 h – 12 h, 14 h – 18 h 30 » or « fermé ». */
export function weekOpeningHours(value: string, now: Date): DayOpeningHours[] {
  const hours = parse(value);
  const wallNow = toParisWallClock(now);
  const monday = new Date(wallNow.getFullYear(), wallNow.getMonth(), wallNow.getDate() - ((wallNow.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, index) => {
    const start = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + index);
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    const intervals = hours
      .getOpenIntervals(start, end)
      .filter(([, , unknown]) => !unknown)
      .map(([from, to]) => `${clock(from)} – ${to.getTime() >= end.getTime() ? '24 h' : clock(to)}`);
    const day = FRENCH_DAYS[start.getDay()];
    if (day === undefined) throw new Error(`No French name for week day ${start.getDay()}`);
    return { day, hours: intervals.length > 0 ? intervals.join(', ') : 'fermé' };
  });
}

/**
 * The parser takes several milliseconds per value, and the same values come back again and again (an
 * import of the national map, every search): parsed values (and refusals) are kept, the oldest dropped
 * first. A parsed value is only read afterwards, never changed.
 */
const PARSED_CACHE_SIZE = 5000;
const parsed = new Map<string, OpeningHours | Error>();

function parse(value: string): OpeningHours {
  let result = parsed.get(value);
  if (result === undefined) {
    try {
      result = new OpeningHours(value, FRANCE, { locale: 'fr', mode: 0 } as never);
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    const oldest = parsed.keys().next();
    if (parsed.size >= PARSED_CACHE_SIZE && !oldest.done) parsed.delete(oldest.value);
    parsed.set(value, result);
  }
  if (result instanceof Error) throw result;
  return result;
}

/** A `Date` whose local fields (year … second) are the Paris wall clock at `instant`. */
export function toParisWallClock(instant: Date): Date {
  const { year, month, day, hour, minute, second } = parisWallClock(instant);
  return new Date(year, month - 1, day, hour, minute, second);
}

/** `18 h`, `18 h 30`. */
function clock(wallClock: Date): string {
  const minutes = wallClock.getMinutes();
  return minutes === 0 ? `${wallClock.getHours()} h` : `${wallClock.getHours()} h ${String(minutes).padStart(2, '0')}`;
}

/** `18 h` today, `demain à 9 h`, `mardi à 9 h` (both wall clocks). */
function when(next: Date, wallNow: Date, todayPrefix = ''): string {
  const days = Math.round((startOfDay(next) - startOfDay(wallNow)) / 86_400_000);
  if (days === 0) return todayPrefix ? `aujourd'hui ${todayPrefix}${clock(next)}` : clock(next);
  if (days === 1) return `demain à ${clock(next)}`;
  return `${FRENCH_DAYS[next.getDay()]} à ${clock(next)}`;
}

function startOfDay(wallClock: Date): number {
  return Date.UTC(wallClock.getFullYear(), wallClock.getMonth(), wallClock.getDate());
}
