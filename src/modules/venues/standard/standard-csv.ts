import { parse } from 'csv-parse/sync';
import { STANDARD_COLUMNS, type StandardColumn } from './standard-columns';
import type { StandardRecord } from './standard-lieu.rules';

/**
 * CSV as the standard asks: UTF-8, comma between columns, the header row with every column in order,
 * a cell quoted when it holds a comma, a quote or a line break (RFC 4180, CRLF line ends).
 */
export function writeStandardCsv(records: readonly StandardRecord[]): string {
  const lines = [STANDARD_COLUMNS.join(','), ...records.map((record) => STANDARD_COLUMNS.map((column) => quote(record[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export interface ReadTable {
  header: string[];
  /** Each data line with its line number in the file (the header is line 1). */
  lines: { line: number; record: Partial<Record<StandardColumn, string>> }[];
}

/**
 * Reads a CSV file. The column separator is the comma or, in files saved by a French spreadsheet (the
 * legacy form), the semicolon: whichever the header row uses. A byte-order mark is ignored.
 */
export function readStandardCsv(text: string): ReadTable {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const firstLine = withoutBom.slice(0, withoutBom.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = parse(withoutBom, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  if (rows.length === 0) return { header: [], lines: [] };
  const header = rows[0].record.map((name) => name.trim());
  return {
    header,
    lines: rows.slice(1).map(({ record, info }) => ({
      line: info.lines,
      record: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])) as Partial<Record<StandardColumn, string>>,
    })),
  };
}

/** The JSON form: an array of objects keyed by column; numbers and strings both read as text. */
export function readStandardJson(value: unknown): ReadTable | null {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
  )
    return null;
  const header = [...new Set(value.flatMap((item) => Object.keys(item as object)))];
  return {
    header,
    lines: value.map((item, index) => ({
      line: index + 1,
      record: Object.fromEntries(
        Object.entries(item as Record<string, unknown>).map(([key, cell]) => [
          key,
          cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.join('|') : String(cell),
        ]),
      ) as Partial<Record<StandardColumn, string>>,
    })),
  };
}

/** The JSON form written: every column in order, empty cells left out, coordinates as numbers. */
export function toStandardJson(record: StandardRecord): Record<string, string | number> {
  const entries = STANDARD_COLUMNS.filter((column) => record[column] !== '').map((column): [string, string | number] => [
    column,
    column === 'latitude' || column === 'longitude' ? Number(record[column]) : record[column],
  ]);
  return Object.fromEntries(entries);
}
