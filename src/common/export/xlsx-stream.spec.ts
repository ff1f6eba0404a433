import ExcelJS from 'exceljs';
import { PassThrough, Writable } from 'node:stream';
import { ExportColumn, ExportValueError } from './export-column';
import { toXlsxSheetName, writeXlsx, XLSX_NUMBER_FORMATS, xlsxSheet, XlsxStreamWriter } from './xlsx-stream';

interface Reimbursement {
  venue: string;
  vouchers: number;
  amountCents: number;
  paidOn: string | Date | null;
  validatedAt: Date | null;
  redemptionRate: number | null;
}

const reimbursementColumns: ExportColumn<Reimbursement>[] = [
  { header: 'Lieu', kind: 'text', value: (r) => r.venue, width: 40 },
  { header: 'Pass', kind: 'integer', value: (r) => r.vouchers },
  { header: 'Montant', kind: 'euros', value: (r) => r.amountCents },
  { header: 'Payé le', kind: 'date', value: (r) => r.paidOn },
  { header: 'Validé le', kind: 'datetime', value: (r) => r.validatedAt },
  { header: 'Taux', kind: 'percent', value: (r) => r.redemptionRate },
];

const reimbursements: Reimbursement[] = [
  {
    venue: '=HYPERLINK("http://evil") & <b>',
    vouchers: 12,
    amountCents: 123450,
    paidOn: '2025-02-03',
    validatedAt: new Date('2025-01-31T23:30:00Z'), // 01/02/2025 00:30 in Paris (UTC+1)
    redemptionRate: 0.125,
  },
  {
    venue: 'Tiers-lieu\u0001 de Quimper',
    vouchers: 0,
    amountCents: -1250,
    paidOn: new Date('2025-07-14T22:30:00Z'), // already 15/07 in Paris (UTC+2)
    validatedAt: null,
    redemptionRate: null,
  },
];

interface Venue {
  name: string;
  department: string;
}
const venueColumns: ExportColumn<Venue>[] = [
  { header: 'Nom', kind: 'text', value: (v) => v.name },
  { header: 'Département', kind: 'text', value: (v) => v.department },
];

/** Collects the zip while it is written (the writer waits for its output to drain). */
function memoryOutput(): { output: PassThrough; bytes: () => Buffer } {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { output, bytes: () => Buffer.concat(chunks) };
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

async function* countdown(n: number): AsyncGenerator<{ n: number }> {
  for (let i = n; i > 0; i--) yield { n: i };
}

describe('writeXlsx', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const { output, bytes } = memoryOutput();
    await writeXlsx(output, [
      xlsxSheet('Remboursements', reimbursementColumns, reimbursements),
      xlsxSheet('Lieux', venueColumns, [
        { name: 'Médiathèque', department: '29' },
        { name: 'EPN', department: '2A' },
      ]),
      xlsxSheet('Synthèse: 2025/01', [{ header: 'Compte à rebours', kind: 'integer', value: (r: { n: number }) => r.n }], countdown(3)),
    ]);
    workbook = await load(bytes());
  });

  it('writes the sheets in order, with names Excel accepts', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Remboursements', 'Lieux', 'Synthèse 2025 01']);
  });

  it('writes a bold, frozen header row and column widths', () => {
    const sheet = workbook.getWorksheet('Remboursements')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Lieu', 'Pass', 'Montant', 'Payé le', 'Validé le', 'Taux']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(40);
    expect(sheet.getColumn(3).width).toBe(14);
  });

  it('writes typed values with their number formats', () => {
    const row = workbook.getWorksheet('Remboursements')!.getRow(2);
    // Text is a string cell: never evaluated, so no anti-formula quote is needed (unlike CSV).
    expect(row.getCell(1).value).toBe('=HYPERLINK("http://evil") & <b>');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe(12);
    expect(row.getCell(2).numFmt).toBe(XLSX_NUMBER_FORMATS.integer);
    expect(row.getCell(3).value).toBe(1234.5);
    expect(row.getCell(3).numFmt).toBe('#,##0.00 "€"');
    // Dates are real dates whose (zone-less) Excel value is the Paris calendar day / wall clock.
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2025, 1, 3)));
    expect(row.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2025, 1, 1, 0, 30)));
    expect(row.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(row.getCell(6).value).toBe(0.125);
    expect(row.getCell(6).numFmt).toBe('0.0%');
  });

  it('writes negative amounts, Paris days of Dates, and leaves null cells empty', () => {
    const row = workbook.getWorksheet('Remboursements')!.getRow(3);
    expect(row.getCell(1).value).toBe('Tiers-lieu de Quimper'); // control character dropped: it would corrupt the XML
    expect(row.getCell(2).value).toBe(0);
    expect(row.getCell(3).value).toBe(-12.5);
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2025, 6, 15)));
    expect(row.getCell(5).value).toBeNull();
    expect(row.getCell(6).value).toBeNull();
  });

  it('writes the other sheets, including one fed by an async iterable', () => {
    const venues = workbook.getWorksheet('Lieux')!;
    expect(venues.getSheetValues().slice(1)).toEqual([
      [undefined, 'Nom', 'Département'],
      [undefined, 'Médiathèque', '29'],
      [undefined, 'EPN', '2A'],
    ]);
    const summary = workbook.worksheets[2];
    expect(summary.getSheetValues().slice(1)).toEqual([
      [undefined, 'Compte à rebours'],
      [undefined, 3],
      [undefined, 2],
      [undefined, 1],
    ]);
  });
});

describe('XlsxStreamWriter', () => {
  it('writes a valid workbook with a header only when there are no rows', async () => {
    const { output, bytes } = memoryOutput();
    await writeXlsx(output, [xlsxSheet('Vide', venueColumns, [])]);
    const sheet = (await load(bytes())).getWorksheet('Vide')!;
    expect(sheet.rowCount).toBe(1);
  });

  it('rejects a value that does not fit its kind', async () => {
    const writer = new XlsxStreamWriter(memoryOutput().output);
    await expect(writer.addSheet('A', reimbursementColumns, [{ ...reimbursements[0], amountCents: 0.5 }])).rejects.toThrow(
      ExportValueError,
    );
  });

  it('writeXlsx destroys the output on failure, so a truncated file is never served as complete', async () => {
    const { output } = memoryOutput();
    const bad = [{ ...reimbursements[0], validatedAt: new Date('invalid') }];
    await expect(writeXlsx(output, [xlsxSheet('A', reimbursementColumns, bad)])).rejects.toThrow(ExportValueError);
    expect(output.destroyed).toBe(true);
  });

  it('rejects duplicate sheet names, ignoring case like Excel', async () => {
    const writer = new XlsxStreamWriter(memoryOutput().output);
    await writer.addSheet('Lieux', venueColumns, []);
    await expect(writer.addSheet('LIEUX', venueColumns, [])).rejects.toThrow('duplicate sheet name');
  });

  it('refuses to interleave sheets or add one after finish', async () => {
    const { output } = memoryOutput();
    const writer = new XlsxStreamWriter(output);
    const first = writer.addSheet('A', venueColumns, countdown(1) as unknown as AsyncIterable<Venue>);
    await expect(writer.addSheet('B', venueColumns, [])).rejects.toThrow('one sheet at a time');
    await first;
    await writer.finish();
    await expect(writer.addSheet('C', venueColumns, [])).rejects.toThrow('none after finish');
  });

  it('stops pulling rows while the output does not drain (bounded memory)', async () => {
    let produced = 0;
    function* manyRows(): Generator<Venue> {
      for (let i = 0; i < 40_000; i++) {
        produced += 1;
        yield { name: `Espace public numérique ${i}`, department: String(i % 95) };
      }
    }
    let held: (() => void)[] | null = [];
    const chunks: Buffer[] = [];
    const slowOutput = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        if (held)
          held.push(callback); // a client that stopped reading
        else callback();
      },
    });
    const done = writeXlsx(slowOutput, [xlsxSheet('Lieux', venueColumns, manyRows())]);
    // Once the client stops reading, the producer must stall however long we wait.
    while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(10_000); // measured ≈ 2 400: a few 64 KiB buffers of XML
    const release = held;
    held = null;
    release.forEach((callback) => callback());
    await done;
    expect(produced).toBe(40_000);
    const sheet = (await load(Buffer.concat(chunks))).getWorksheet('Lieux')!;
    expect(sheet.rowCount).toBe(40_001);
    expect(sheet.getRow(40_001).getCell(1).value).toBe('Espace public numérique 39999');
  }, 60_000);
});

describe('toXlsxSheetName', () => {
  it.each([
    ['Remboursements', 'Remboursements'],
    ['Synthèse: 2025/01', 'Synthèse 2025 01'],
    ['[Brouillon] *fin*?', 'Brouillon fin'],
    ["'cité'", 'cité'],
    ['Un nom de feuille beaucoup trop long pour Excel', 'Un nom de feuille beaucoup trop'],
    ['///', 'Feuille'],
  ])('%j → %j', (name, expected) => {
    const result = toXlsxSheetName(name);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(31);
  });
});
