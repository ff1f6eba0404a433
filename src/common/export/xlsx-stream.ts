/**
 * Streaming XLSX writer over exceljs's WorkbookWriter, driven by the same column definitions as
 * the CSV export. Each row is committed (serialised and handed to the zip) as soon as it is
 * written, and we wait for the output to drain, so memory stays flat for any number of rows.
 */
import ExcelJS from 'exceljs';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExportCell, ExportCellKind, ExportColumn, readExportCell } from './export-column';

/** Display formats. Excel localises the separators, so a French user sees "1 234,50 €". */
export const XLSX_NUMBER_FORMATS: Readonly<Record<ExportCellKind, string | undefined>> = {
  text: undefined,
  integer: '0',
  euros: '#,##0.00 "€"',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
};

const DEFAULT_WIDTHS: Readonly<Record<ExportCellKind, number>> = {
  text: 30,
  integer: 10,
  euros: 14,
  date: 12,
  datetime: 17,
  percent: 9,
};

/** Excel refuses to open a file with a longer cell (it offers to "repair" it). */
const MAX_CELL_TEXT = 32_767;
/** Yield to the event loop this often, so the zip deflates and writes while we produce. */
const ROWS_PER_TURN = 200;
/** Uncompressed XML allowed to wait for the deflater (a few of exceljs's 64 KiB buffers). */
const MAX_SHEET_BACKLOG = 512 * 1024;
const POLL_MS = 20;

/** A sheet ready to be written, its row type sealed in (see `xlsxSheet`). */
export interface XlsxSheet {
  readonly name: string;
  write(writer: XlsxStreamWriter): Promise<void>;
}

/** Bundles a sheet's columns and rows while keeping them type-checked against each other. */
export function xlsxSheet<Row>(name: string, columns: readonly ExportColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): XlsxSheet {
  return { name, write: (writer) => writer.addSheet(name, columns, rows) };
}

/**
 * Excel's sheet-name rules: 1 to 31 characters, none of : \ / ? * [ ], no leading or trailing
 * apostrophe. Names often come from data (a funder, a department), so we clean rather than throw.
 */
export function toXlsxSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return cleaned || 'Feuille';
}

/** Excel stores dates as wall-clock serials with no zone: encode Paris wall-clock as UTC fields. */
function xlsxValue(cell: ExportCell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.value.length > MAX_CELL_TEXT ? cell.value.slice(0, MAX_CELL_TEXT) : cell.value;
    case 'integer':
    case 'percent':
      return cell.value;
    case 'euros':
      // The only float in the pipeline: a display value for the spreadsheet, never summed by us.
      return cell.value / 100;
    case 'date':
      return new Date(Date.UTC(cell.value.year, cell.value.month - 1, cell.value.day));
    case 'datetime': {
      const { year, month, day, hour, minute, second } = cell.value;
      return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    }
  }
}

export class XlsxStreamWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheetNames = new Set<string>();
  private busy = false;
  private finished = false;

  /**
   * `output` receives the zip as it is produced and is ended by `finish()`. It must be consumed
   * while writing (an HTTP response, a file, an upload): rows wait for it to drain. If a sheet
   * fails, the caller destroys `output` (`writeXlsx` does it for you).
   */
  constructor(private readonly output: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      // Shared strings would be kept in memory until the end: inline strings keep it flat.
      useSharedStrings: false,
    });
  }

  /** Writes one whole sheet: bold frozen header row, then every row, then commits the sheet. */
  async addSheet<Row>(name: string, columns: readonly ExportColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<void> {
    // Sheets are written one after the other into the zip; interleaving them would corrupt it.
    if (this.busy || this.finished) throw new Error('XlsxStreamWriter: one sheet at a time, and none after finish()');
    const sheetName = toXlsxSheetName(name);
    if (this.sheetNames.has(sheetName.toLowerCase())) {
      throw new Error(`XlsxStreamWriter: duplicate sheet name "${sheetName}" (Excel ignores case)`);
    }
    this.sheetNames.add(sheetName.toLowerCase());
    this.busy = true;
    try {
      const sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({ width: column.width ?? DEFAULT_WIDTHS[column.kind] }));
      const header = sheet.addRow(columns.map((column) => column.header));
      header.font = { bold: true };
      header.commit();

      let count = 0;
      for await (const row of rows) {
        const sheetRow = sheet.addRow([]);
        columns.forEach((column, index) => {
          const value = xlsxValue(readExportCell(column, row));
          if (value === null) return;
          const cell = sheetRow.getCell(index + 1);
          cell.value = value;
          const numFmt = XLSX_NUMBER_FORMATS[column.kind];
          if (numFmt) cell.numFmt = numFmt;
        });
        sheetRow.commit();
        if (++count % ROWS_PER_TURN === 0) await this.backpressure(sheet);
      }
      sheet.commit();
    } finally {
      this.busy = false;
    }
  }

  /** Writes the workbook's remaining parts and ends `output`. */
  async finish(): Promise<void> {
    if (this.busy) throw new Error('XlsxStreamWriter: finish() called while a sheet is being written');
    this.finished = true;
    await this.workbook.commit();
  }

  /**
   * Pauses the row loop while the zip is behind: either the output is full, or the sheet's XML
   * queue in front of the deflater is over the limit. Re-checks at least every POLL_MS so a missed
   * 'drain' can never hang an export, without spinning the CPU while a slow client downloads.
   */
  private async backpressure(sheet: ExcelJS.Worksheet): Promise<void> {
    await nextTurn();
    for (;;) {
      if (this.output.destroyed) throw new Error('XlsxStreamWriter: output closed before the workbook was finished');
      const backlog = sheetBacklog(sheet);
      const waitOn = this.output.writableNeedDrain ? this.output : backlog.bytes > MAX_SHEET_BACKLOG ? backlog.stream : undefined;
      if (waitOn === undefined) return;
      await drainOrTimeout(waitOn);
    }
  }
}

/**
 * exceljs hands each sheet's XML to the zip deflater without ever waiting (its StreamBuf ignores
 * write()'s return value), so a producer faster than zlib piles uncompressed XML up in memory —
 * measured ~150 MB per million rows before this check. This reads the size of that queue from
 * exceljs 4.x internals; if they change, it reports 0 and only the output is watched.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): { bytes: number; stream: EventEmitter | null } {
  type Queue = { length?: number };
  type Deflater = EventEmitter & { writableLength?: number; _writableState?: Queue };
  const buffer = (sheet as unknown as { stream?: { buffers?: unknown[]; bufSize?: number; pipes?: Deflater[] } }).stream;
  if (!buffer || !Array.isArray(buffer.buffers) || !Array.isArray(buffer.pipes)) return { bytes: 0, stream: null };
  const deflater = buffer.pipes[0];
  const queued = deflater ? (deflater.writableLength ?? deflater._writableState?.length ?? 0) : 0;
  return { bytes: buffer.buffers.length * (buffer.bufSize ?? 0) + queued, stream: deflater ?? null };
}

/** Resolves on 'drain' or after POLL_MS, whichever first; rejects on 'error'. */
function drainOrTimeout(stream: EventEmitter | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      stream?.off('drain', onDrain).off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const timer = setTimeout(onDrain, POLL_MS);
    stream?.on('drain', onDrain).on('error', settle);
  });
}

/**
 * Writes the sheets in order into `output` and ends it. On failure `output` is destroyed with the
 * error (as stream.pipeline does), so a half-written file is never taken for a complete one.
 */
export async function writeXlsx(output: Writable, sheets: readonly XlsxSheet[]): Promise<void> {
  const writer = new XlsxStreamWriter(output);
  try {
    for (const sheet of sheets) await sheet.write(writer);
    await writer.finish();
  } catch (error) {
    output.destroy(error as Error);
    throw error;
  }
}
