import { addDays, startOfParisDay } from '../../../../src/common/time/paris-time';

/** The instant a Paris calendar day (`YYYY-MM-DD`) starts, whatever the browser's own time zone. */
export function parisDayStart(day: string): Date {
  return startOfParisDay(day);
}

/** The instant the next Paris day starts: the exclusive end of a filter "up to this day". */
export function parisDayEnd(day: string): Date {
  return startOfParisDay(addDays(day, 1));
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function parisDateTime(iso: string): string {
  return PARIS_DATE_TIME.format(new Date(iso));
}
