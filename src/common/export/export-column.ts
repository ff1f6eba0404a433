/**
 * One column definition shared by the CSV and XLSX exporters, so a report is described once and
 * comes out identical in both formats. The `kind` decides how a cell is written: the writers
 * never guess from the value (guessing is how "-12,50" and "=SUM()" get confused).
 */
import { type CalendarDate, parisWallClock, type WallClock } from '../time/paris-time';

export type ExportCellKind = 'text' | 'integer' | 'euros' | 'date' | 'datetime' | 'percent';

/** What each kind's `value` function returns. null/undefined always means an empty cell. */
export interface ExportCellValues {
  text: string;
  /** A safe integer (counts, ids). */
  integer: number;
  /** Integer cents, like every amount in the application. */
  euros: number;
  /** A Date (its calendar day in Europe/Paris is used) or a `YYYY-MM-DD` string taken as is (TypeORM `date` columns). */
  date: Date | string;
  /** Shown as Europe/Paris wall-clock time: reports are read by French funders and venues. */
  datetime: Date;
  /** A ratio: 0.125 is shown as 12.5 %. */
  percent: number;
}

export type ExportColumnOfKind<Row, Kind extends ExportCellKind> = {
  header: string;
  kind: Kind;
  value: (row: Row) => ExportCellValues[Kind] | null | undefined;
  /** Width in characters for spreadsheets; CSV ignores it. */
  width?: number;
};

/** Discriminated on `kind`, so `{ kind: 'euros', value: (r) => r.label }` does not compile. */
export type ExportColumn<Row> = { [Kind in ExportCellKind]: ExportColumnOfKind<Row, Kind> }[ExportCellKind];

/** A checked cell value, ready for a writer. */
export type ExportCell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'integer' | 'euros'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'date'; value: CalendarDate }
  | { kind: 'datetime'; value: WallClock };

/** A bad value is a programming error in the report definition: say which column it is in. */
export class ExportValueError extends Error {
  constructor(header: string, message: string) {
    super(`Column "${header}": ${message}`);
    this.name = 'ExportValueError';
  }
}

const ISO_CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar day of a Date in Paris, or of a `YYYY-MM-DD` string without any time-zone shift. */
export function calendarDateOf(value: Date | string): CalendarDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const { year, month, day } = parisWallClock(value);
    return { year, month, day };
  }
  const match = ISO_CALENDAR_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

function checkedNumber(column: { header: string }, value: number, integer: boolean): number {
  if (integer ? !Number.isSafeInteger(value) : !Number.isFinite(value)) {
    throw new ExportValueError(column.header, `expected ${integer ? 'an integer' : 'a finite number'}, got ${value}`);
  }
  return value;
}

/**
 * Reads and checks one cell. Throws ExportValueError on a value that does not fit its kind
 * (e.g. 10.5 "cents"): silently writing it would put a wrong amount in a funder's report.
 */
export function readExportCell<Row>(column: ExportColumn<Row>, row: Row): ExportCell {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row);
      return value == null ? { kind: 'empty' } : { kind: 'text', value: String(value) };
    }
    case 'integer':
    case 'euros': {
      const value = column.value(row);
      return value == null ? { kind: 'empty' } : { kind: column.kind, value: checkedNumber(column, value, true) };
    }
    case 'percent': {
      const value = column.value(row);
      return value == null ? { kind: 'empty' } : { kind: 'percent', value: checkedNumber(column, value, false) };
    }
    case 'date': {
      const value = column.value(row);
      if (value == null) return { kind: 'empty' };
      const date = calendarDateOf(value);
      if (!date) throw new ExportValueError(column.header, `expected a valid Date or YYYY-MM-DD, got ${String(value)}`);
      return { kind: 'date', value: date };
    }
    case 'datetime': {
      const value = column.value(row);
      if (value == null) return { kind: 'empty' };
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        throw new ExportValueError(column.header, `expected a valid Date, got ${String(value)}`);
      }
      return { kind: 'datetime', value: parisWallClock(value) };
    }
  }
}
