const PARIS_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Milliseconds Paris is ahead of UTC at `instant` (1 or 2 hours). */
function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - instant;
}

/** The instant a Paris calendar day (`YYYY-MM-DD`) starts, whatever the browser's own time zone. */
export function parisDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  return new Date(utcMidnight - parisOffsetMs(utcMidnight - parisOffsetMs(utcMidnight)));
}

/** The instant the next Paris day starts: the exclusive end of a filter "up to this day". */
export function parisDayEnd(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return parisDayStart(next);
}

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export function parisDateTime(iso: string): string {
  return PARIS_DATE_TIME.format(new Date(iso));
}
