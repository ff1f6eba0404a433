import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { ExportColumn, ExportValueError } from './export-column';
import {
  createFrenchCsvStream,
  formatDateFr,
  formatDateTimeFr,
  formatEurosFr,
  formatPercentFr,
  parseFrenchCsv,
  parseFrenchCsvRecords,
  quoteCsvField,
  toFrenchCsv,
  writeFrenchCsv,
} from './french-csv';

interface Reimbursement {
  venue: string;
  vouchers: number;
  amountCents: number;
  paidOn: string | null;
  validatedAt: Date;
  redemptionRate: number | null;
}

const columns: ExportColumn<Reimbursement>[] = [
  { header: 'Lieu', kind: 'text', value: (r) => r.venue },
  { header: 'Pass', kind: 'integer', value: (r) => r.vouchers },
  { header: 'Montant (€)', kind: 'euros', value: (r) => r.amountCents },
  { header: 'Payé le', kind: 'date', value: (r) => r.paidOn },
  { header: 'Validé le', kind: 'datetime', value: (r) => r.validatedAt },
  { header: 'Taux', kind: 'percent', value: (r) => r.redemptionRate },
];

const rows: Reimbursement[] = [
  {
    venue: 'Médiathèque "Le Phare"; Brest',
    vouchers: 12,
    amountCents: 123450,
    paidOn: '2025-02-03',
    validatedAt: new Date('2025-01-31T23:30:00Z'),
    redemptionRate: 0.125,
  },
  {
    venue: '=HYPERLINK("http://evil","clic")',
    vouchers: -3,
    amountCents: -1250,
    paidOn: null,
    validatedAt: new Date('2025-07-14T10:05:59Z'),
    redemptionRate: null,
  },
];

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('formatEurosFr', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [50, '0,50'],
    [1050, '10,50'],
    [123450, '1234,50'],
    [-1250, '-12,50'],
    [-5, '-0,05'],
    [99_999_999_999, '999999999,99'],
  ])('%d → %s', (cents, text) => {
    expect(formatEurosFr(cents)).toBe(text);
  });

  it('refuses fractional cents rather than rounding them', () => {
    expect(() => formatEurosFr(10.5)).toThrow(RangeError);
    expect(() => formatEurosFr(Number.NaN)).toThrow(RangeError);
  });

  it('property: reads back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (cents) => {
        const text = formatEurosFr(cents);
        expect(text).toMatch(/^-?\d+,\d{2}$/);
        expect(BigInt(text.replace(',', ''))).toBe(BigInt(cents));
      }),
    );
  });
});

describe('formatDateFr / formatDateTimeFr (Europe/Paris)', () => {
  it('uses the Paris calendar day, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(formatDateFr(new Date('2025-01-15T22:59:59Z'))).toBe('15/01/2025');
    expect(formatDateFr(new Date('2025-01-15T23:00:00Z'))).toBe('16/01/2025');
    expect(formatDateFr(new Date('2025-07-14T21:59:59Z'))).toBe('14/07/2025');
    expect(formatDateFr(new Date('2025-07-14T22:00:00Z'))).toBe('15/07/2025');
  });

  it('takes a YYYY-MM-DD string as that calendar day, whatever the time zone', () => {
    expect(formatDateFr('2025-03-30')).toBe('30/03/2025');
    expect(() => formatDateFr('2025-02-30')).toThrow(RangeError);
    expect(() => formatDateFr('30/03/2025')).toThrow(RangeError);
  });

  it('formats wall-clock time across the DST changes', () => {
    expect(formatDateTimeFr(new Date('2025-01-31T23:30:00Z'))).toBe('01/02/2025 00:30');
    expect(formatDateTimeFr(new Date('2025-03-30T00:59:00Z'))).toBe('30/03/2025 01:59');
    expect(formatDateTimeFr(new Date('2025-03-30T01:00:00Z'))).toBe('30/03/2025 03:00');
    expect(formatDateTimeFr(new Date('2025-10-26T00:30:00Z'))).toBe('26/10/2025 02:30');
    expect(formatDateTimeFr(new Date('2025-10-26T01:30:00Z'))).toBe('26/10/2025 02:30');
    expect(() => formatDateTimeFr(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatPercentFr', () => {
  it.each([
    [0.125, '12,5%'],
    [1, '100,0%'],
    [0, '0,0%'],
    [-0.0001, '0,0%'],
    [0.3333, '33,3%'],
  ])('%d → %s', (ratio, text) => {
    expect(formatPercentFr(ratio)).toBe(text);
  });
});

describe('quoteCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['lf\nonly', '"lf\nonly"'],
    ['comma, is fine', 'comma, is fine'],
  ])('%j → %j', (field, quoted) => {
    expect(quoteCsvField(field)).toBe(quoted);
  });
});

describe('toFrenchCsv', () => {
  const text = toFrenchCsv(columns, rows);

  it('writes BOM, ";" separators, CRLF line ends and French formats', () => {
    expect(text).toBe(
      '\uFEFFLieu;Pass;Montant (€);Payé le;Validé le;Taux\r\n' +
        '"Médiathèque ""Le Phare""; Brest";12;1234,50;03/02/2025;01/02/2025 00:30;12,5%\r\n' +
        `"'=HYPERLINK(""http://evil"",""clic"")";-3;-12,50;;14/07/2025 12:05;\r\n`,
    );
  });

  it('neutralises formula-looking text but not the numbers it formatted itself', () => {
    const [, first, second] = parseFrenchCsv(text);
    expect(first[0]).toBe('Médiathèque "Le Phare"; Brest');
    expect(second[0]).toBe(`'=HYPERLINK("http://evil","clic")`);
    expect(second[1]).toBe('-3');
    expect(second[2]).toBe('-12,50');
  });

  it.each(['=1+1', '+33 6 12 34 56 78', '-12,50', '@SUM(A1)', '\tcmd', '\rcmd'])('prefixes text %j with a quote', (venue) => {
    const [, [cell]] = parseFrenchCsv(toFrenchCsv(columns.slice(0, 1), [{ ...rows[0], venue }]));
    expect(cell).toBe(`'${venue}`);
  });

  it('throws ExportValueError naming the column on a value that does not fit its kind', () => {
    expect(() => toFrenchCsv(columns, [{ ...rows[0], amountCents: 10.5 }])).toThrow(ExportValueError);
    expect(() => toFrenchCsv(columns, [{ ...rows[0], amountCents: 10.5 }])).toThrow('Column "Montant (€)"');
    expect(() => toFrenchCsv(columns, [{ ...rows[0], validatedAt: new Date('x') }])).toThrow(ExportValueError);
    expect(() => toFrenchCsv(columns, [{ ...rows[0], paidOn: '03/02/2025' }])).toThrow(ExportValueError);
    expect(() => toFrenchCsv(columns, [{ ...rows[0], redemptionRate: Number.POSITIVE_INFINITY }])).toThrow(ExportValueError);
  });

  it('property: any text survives the round trip (formula triggers gain their quote)', () => {
    const textColumns: ExportColumn<string[]>[] = [0, 1, 2].map((i) => ({ header: `c${i}`, kind: 'text', value: (r) => r[i] }));
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ';', '"', '\r', '\n', ' ', '=', '-', '+', '@', '\t', "'", '1', ','),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 20 }), (data) => {
        const parsed = parseFrenchCsv(toFrenchCsv(textColumns, data));
        expect(parsed[0]).toEqual(['c0', 'c1', 'c2']);
        const expected = data.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        expect(parsed.slice(1)).toEqual(expected);
      }),
    );
  });

  it('type-checks values against the kind', () => {
    // @ts-expect-error euros must come from integer cents, not a string
    const wrong: ExportColumn<Reimbursement> = { header: 'x', kind: 'euros', value: (r) => r.venue };
    expect(wrong.kind).toBe('euros');
  });
});

describe('createFrenchCsvStream', () => {
  it('streams the same bytes as toFrenchCsv, as UTF-8 with BOM', async () => {
    const bytes = await collect(Readable.from(rows).pipe(createFrenchCsvStream(columns)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(toFrenchCsv(columns, rows));
  });

  it('still writes the header for an empty export', async () => {
    const bytes = await collect(Readable.from([]).pipe(createFrenchCsvStream(columns)));
    expect(bytes.toString('utf8')).toBe('\uFEFFLieu;Pass;Montant (€);Payé le;Validé le;Taux\r\n');
  });

  it('fails the pipeline on a bad value', async () => {
    const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
    await expect(writeFrenchCsv(columns, [rows[0], { ...rows[1], vouchers: 1.5 }], sink)).rejects.toThrow(ExportValueError);
  });

  it('pulls rows only as fast as the output drains (bounded memory)', async () => {
    let produced = 0;
    function* manyRows(): Generator<Reimbursement> {
      for (let i = 0; i < 20_000; i++) {
        produced += 1;
        yield { ...rows[0], vouchers: i };
      }
    }
    let release: (() => void) | undefined;
    let received = 0;
    const slowSink = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, callback) {
        received += chunk.length;
        // Hold the very first write until the test has looked at how far the producer got.
        if (release === undefined) release = callback;
        else callback();
      },
    });
    const done = writeFrenchCsv(columns, manyRows(), slowSink);
    // Wait for the first write to be held, then give the producer time to fill every buffer.
    while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBeGreaterThan(0);
    // Only a few stream buffers' worth (16 objects + 16 KiB of text ≈ 230 rows here), not 20 000.
    expect(produced).toBeLessThan(1000);
    release!();
    await done;
    expect(produced).toBe(20_000);
    expect(received).toBeGreaterThan(20_000 * 50);
  });
});

describe('parseFrenchCsv', () => {
  it('handles BOM, LF-only files, a missing final line end and trailing empty fields', () => {
    expect(parseFrenchCsv('\uFEFFa;b\nc;\n;d')).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['', 'd'],
    ]);
  });

  it('handles quoted separators, quotes and line breaks', () => {
    expect(parseFrenchCsv('"a;1";"say ""hi""";"x\r\ny"\r\n""\r\n')).toEqual([['a;1', 'say "hi"', 'x\r\ny'], ['']]);
  });

  it('accepts Buffers and returns nothing for an empty file', () => {
    expect(parseFrenchCsv(Buffer.from('\uFEFF', 'utf8'))).toEqual([]);
    expect(parseFrenchCsv(Buffer.from('é;ü\r\n', 'utf8'))).toEqual([['é', 'ü']]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseFrenchCsv('"open;field\r\n')).toThrow(SyntaxError);
  });

  it('parseFrenchCsvRecords keys cells by header', () => {
    expect(parseFrenchCsvRecords(toFrenchCsv(columns, rows))[0]).toEqual({
      Lieu: 'Médiathèque "Le Phare"; Brest',
      Pass: '12',
      'Montant (€)': '1234,50',
      'Payé le': '03/02/2025',
      'Validé le': '01/02/2025 00:30',
      Taux: '12,5%',
    });
  });
});
