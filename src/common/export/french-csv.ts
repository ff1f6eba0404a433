/**
 * CSV as French Excel and LibreOffice open it with a double click: UTF-8 with BOM (without it
 * Excel reads Windows-1252 and "é" becomes "Ã©"), ';' separator (',' is the decimal mark),
 * CRLF line ends, decimal comma and no thousands separator so amounts stay numbers.
 */
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CalendarDate, parisWallClock, type WallClock } from '../time/paris-time';
import { calendarDateOf, ExportCell, ExportColumn, readExportCell } from './export-column';
import { formatPercentFr } from './french-percent';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): a venue named
 * "=HYPERLINK(...)" must not become a live link in a funder's spreadsheet.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 123450 → "1234,50", -1250 → "-12,50": integer arithmetic, no float ever rounds a cent. */
export function formatEurosFr(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatEurosFr expects integer cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)},${pad2(absolute % 100)}`;
}

function calendarDateText({ year, month, day }: CalendarDate): string {
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

function wallClockText(clock: WallClock): string {
  return `${calendarDateText(clock)} ${pad2(clock.hour)}:${pad2(clock.minute)}`;
}

/** dd/mm/yyyy of the day in Paris (a `YYYY-MM-DD` string is taken as that calendar day). */
export function formatDateFr(date: Date | string): string {
  const calendarDate = calendarDateOf(date);
  if (!calendarDate) throw new RangeError(`formatDateFr expects a valid date, got ${String(date)}`);
  return calendarDateText(calendarDate);
}

/** dd/mm/yyyy HH:MM, Paris wall-clock time. */
export function formatDateTimeFr(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatDateTimeFr expects a valid Date');
  return wallClockText(parisWallClock(date));
}

/** Percentages are written by a module without Node imports, shared with the web pages. */
export { formatPercentFr };

/** Quotes a field if needed, doubling inner quotes (RFC 4180 with ';'). */
export function quoteCsvField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Text typed by users: neutralised against formula injection, then quoted if needed. */
export function csvTextField(text: string): string {
  return quoteCsvField(FORMULA_TRIGGER.test(text) ? `'${text}` : text);
}

/** Only text cells are neutralised: numbers we formatted ourselves, like "-12,50", stay numbers. */
function cellText(cell: ExportCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return csvTextField(cell.value);
    case 'integer':
      return String(cell.value);
    case 'euros':
      return formatEurosFr(cell.value);
    case 'percent':
      return formatPercentFr(cell.value);
    case 'date':
      return calendarDateText(cell.value);
    case 'datetime':
      return wallClockText(cell.value);
  }
}

export function csvHeaderLine<Row>(columns: readonly ExportColumn<Row>[]): string {
  return columns.map((column) => csvTextField(column.header)).join(CSV_SEPARATOR) + CSV_LINE_END;
}

export function csvRowLine<Row>(columns: readonly ExportColumn<Row>[], row: Row): string {
  return columns.map((column) => cellText(readExportCell(column, row))).join(CSV_SEPARATOR) + CSV_LINE_END;
}

/**
 * Rows (objects) in, CSV text out. Backpressure flows through the Transform, so piping a database
 * cursor into an HTTP response keeps memory bounded whatever the row count. The BOM and header
 * go out with the first row, or on end for an empty export (which still gets its header).
 */
export function createFrenchCsvStream<Row>(columns: readonly ExportColumn<Row>[]): Transform {
  let headerSent = false;
  const withHeader = (text: string): string => {
    if (headerSent) return text;
    headerSent = true;
    return CSV_BOM + csvHeaderLine(columns) + text;
  };
  return new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    transform(row: Row, _encoding, callback) {
      try {
        callback(null, withHeader(csvRowLine(columns, row)));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      callback(null, headerSent ? undefined : withHeader(''));
    },
  });
}

/** Streams `rows` (array, generator or async iterable such as a DB cursor) as CSV into `output`. */
export async function writeFrenchCsv<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  output: Writable,
): Promise<void> {
  await pipeline(Readable.from(rows), createFrenchCsvStream(columns), output);
}

/** Whole CSV as one string, for small exports and tests. */
export function toFrenchCsv<Row>(columns: readonly ExportColumn<Row>[], rows: Iterable<Row>): string {
  let text = CSV_BOM + csvHeaderLine(columns);
  for (const row of rows) text += csvRowLine(columns, row);
  return text;
}

/**
 * Reads back CSV written above (or by a French spreadsheet): optional BOM, ';', quoted fields with
 * doubled quotes and embedded line breaks, CRLF or LF. Returns raw strings (the anti-formula
 * quote is left in place, as a spreadsheet would show it). Meant for tests and small imports.
 */
export function parseFrenchCsv(input: string | Buffer): string[][] {
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index];
    if (inQuotes) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"' && field === '') {
      inQuotes = true;
    } else if (char === CSV_SEPARATOR) {
      endField();
    } else if (char === '\r' && text[index + 1] === '\n') {
      endRow();
      index += 1;
    } else if (char === '\n') {
      endRow();
    } else {
      field += char;
    }
    index += 1;
  }
  if (inQuotes) throw new SyntaxError('parseFrenchCsv: unterminated quoted field');
  // A last line without line end still counts; the usual trailing CRLF does not add an empty row.
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Same, as objects keyed by the header line: handy to assert on exports by column name. */
export function parseFrenchCsvRecords(input: string | Buffer): Array<Record<string, string>> {
  const [header = [], ...rows] = parseFrenchCsv(input);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
