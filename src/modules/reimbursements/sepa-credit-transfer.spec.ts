import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../../common/errors/domain-error';
import { ibanCheckDigits } from './iban.rules';
import {
  buildPain001,
  formatCentsAsSepaAmount,
  PAIN_001_001_03_NAMESPACE,
  Pain001Input,
  SepaCreditTransferLine,
  SepaInputError,
  toSepaText,
} from './sepa-credit-transfer';

const AGENCY_IBAN = 'FR7630006000011234567890189';
const VENUE_IBAN = 'FR1420041010050500013M02606';

// Strings stay strings ("10.50" must not become 10.5) and transfers are always an array.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'CdtTrfTxInf',
});
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });

function transfer(overrides: Partial<SepaCreditTransferLine> = {}): SepaCreditTransferLine {
  return {
    endToEndId: 'RMB-2025-000001',
    amountCents: 1050,
    creditor: { name: 'Espace public numérique de Brest', iban: VENUE_IBAN, bic: 'PSSTFRPPSCE' },
    remittanceInformation: 'Remboursement Pass numerique janvier 2025',
    ...overrides,
  };
}

function input(overrides: Partial<Pain001Input> = {}): Pain001Input {
  return {
    messageId: 'PN-20250131-0001',
    createdAt: new Date('2025-01-31T09:15:42.123Z'),
    requestedExecutionDate: '2025-02-03',
    debtor: { name: 'Agence nationale de la cohésion des territoires', iban: AGENCY_IBAN, bic: 'BDFEFRPPCCT' },
    transfers: [transfer()],
    ...overrides,
  };
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).Document;
}

function issuesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SepaInputError);
    return (error as SepaInputError).issues;
  }
  throw new Error('expected a SepaInputError');
}

/** Children tag names of the first element matching `path` in a preserveOrder tree. */
function childTags(xml: string, path: string[]): string[] {
  let nodes: Array<Record<string, unknown>> = orderedParser.parse(xml);
  for (const tag of path) {
    const node = nodes.find((n) => tag in n);
    if (!node) throw new Error(`missing ${tag}`);
    nodes = node[tag] as Array<Record<string, unknown>>;
  }
  return nodes.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
}

describe('formatCentsAsSepaAmount', () => {
  it.each([
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [1050, '10.50'],
    [123456, '1234.56'],
    [99_999_999_999, '999999999.99'],
  ])('%d cents → %s', (cents, text) => {
    expect(formatCentsAsSepaAmount(cents)).toBe(text);
  });

  it('property: the text reads back to the same number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (cents) => {
        expect(Number(formatCentsAsSepaAmount(cents).replace('.', ''))).toBe(cents);
      }),
    );
  });
});

describe('toSepaText', () => {
  it('transliterates French accents, ligatures and typographic punctuation', () => {
    expect(toSepaText('Médiathèque de l’Île-de-France — Œuvre « Numérique » & Cie', 140)).toBe(
      "Mediatheque de l'Ile-de-France - OEuvre Numerique + Cie",
    );
    expect(toSepaText('Ça coûte 12 €; ﬁnancé à 100%!', 140)).toBe('Ca coute 12 EUR, finance a 100 .');
  });

  it('cuts after transliteration, counting characters', () => {
    expect(toSepaText('œœœ', 5)).toBe('oeoeo');
    expect(toSepaText('ab   cd', 3)).toBe('ab');
  });

  it('property: output only uses the SEPA Latin set and respects the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const result = toSepaText(text, max);
        expect(result).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
        expect(result.length).toBeLessThanOrEqual(max);
        expect(result).toBe(result.trim());
      }),
    );
  });
});

describe('buildPain001', () => {
  it('produces a well-formed pain.001.001.03 document with group header and one payment block', () => {
    const xml = buildPain001(input());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Document')).toBe(true);
    const document = parse(xml);
    expect(document['@xmlns']).toBe(PAIN_001_001_03_NAMESPACE);

    const { GrpHdr, PmtInf } = document.CstmrCdtTrfInitn;
    expect(GrpHdr).toEqual({
      MsgId: 'PN-20250131-0001',
      CreDtTm: '2025-01-31T09:15:42Z',
      NbOfTxs: '1',
      CtrlSum: '10.50',
      InitgPty: { Nm: 'Agence nationale de la cohesion des territoires' },
    });
    expect(PmtInf).toMatchObject({
      PmtInfId: 'PN-20250131-0001',
      PmtMtd: 'TRF',
      BtchBookg: 'true',
      NbOfTxs: '1',
      CtrlSum: '10.50',
      PmtTpInf: { SvcLvl: { Cd: 'SEPA' } },
      ReqdExctnDt: '2025-02-03',
      Dbtr: { Nm: 'Agence nationale de la cohesion des territoires' },
      DbtrAcct: { Id: { IBAN: AGENCY_IBAN }, Ccy: 'EUR' },
      DbtrAgt: { FinInstnId: { BIC: 'BDFEFRPPCCT' } },
      ChrgBr: 'SLEV',
    });
    expect(PmtInf.CdtTrfTxInf).toEqual([
      {
        PmtId: { EndToEndId: 'RMB-2025-000001' },
        Amt: { InstdAmt: { '#text': '10.50', '@Ccy': 'EUR' } },
        CdtrAgt: { FinInstnId: { BIC: 'PSSTFRPPSCE' } },
        Cdtr: { Nm: 'Espace public numerique de Brest' },
        CdtrAcct: { Id: { IBAN: VENUE_IBAN } },
        RmtInf: { Ustrd: 'Remboursement Pass numerique janvier 2025' },
      },
    ]);
  });

  it('writes elements in the order the XSD sequence requires', () => {
    const xml = buildPain001(input());
    const root = ['Document', 'CstmrCdtTrfInitn'];
    expect(childTags(xml, root)).toEqual(['GrpHdr', 'PmtInf']);
    expect(childTags(xml, [...root, 'GrpHdr'])).toEqual(['MsgId', 'CreDtTm', 'NbOfTxs', 'CtrlSum', 'InitgPty']);
    expect(childTags(xml, [...root, 'PmtInf'])).toEqual([
      'PmtInfId',
      'PmtMtd',
      'BtchBookg',
      'NbOfTxs',
      'CtrlSum',
      'PmtTpInf',
      'ReqdExctnDt',
      'Dbtr',
      'DbtrAcct',
      'DbtrAgt',
      'ChrgBr',
      'CdtTrfTxInf',
    ]);
    expect(childTags(xml, [...root, 'PmtInf', 'CdtTrfTxInf'])).toEqual(['PmtId', 'Amt', 'CdtrAgt', 'Cdtr', 'CdtrAcct', 'RmtInf']);
  });

  it('property: NbOfTxs and CtrlSum match the transfers, every amount reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500_000_00 }), { minLength: 1, maxLength: 40 }), (amounts) => {
        const transfers = amounts.map((amountCents, i) => transfer({ endToEndId: `E2E-${i}`, amountCents }));
        const { GrpHdr, PmtInf } = parse(buildPain001(input({ transfers }))).CstmrCdtTrfInitn;
        const total = amounts.reduce((a, b) => a + b, 0);
        const toCents = (text: string) => {
          expect(text).toMatch(/^\d+\.\d{2}$/);
          return Number(text.replace('.', ''));
        };
        expect(GrpHdr.NbOfTxs).toBe(String(amounts.length));
        expect(PmtInf.NbOfTxs).toBe(String(amounts.length));
        expect(toCents(GrpHdr.CtrlSum)).toBe(total);
        expect(toCents(PmtInf.CtrlSum)).toBe(total);
        const readBack = PmtInf.CdtTrfTxInf.map((t: { Amt: { InstdAmt: { '#text': string } } }) => toCents(t.Amt.InstdAmt['#text']));
        expect(readBack).toEqual(amounts);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a control sum that floats would get wrong', () => {
    // 0.1 + 0.2 style: summing euros as floats gives 0.30000000000000004.
    const transfers = [10, 20].map((amountCents, i) => transfer({ endToEndId: `E2E-${i}`, amountCents }));
    expect(parse(buildPain001(input({ transfers }))).CstmrCdtTrfInitn.GrpHdr.CtrlSum).toBe('0.30');
  });

  it('escapes and restricts names and remittance information', () => {
    const xml = buildPain001(
      input({
        transfers: [
          transfer({
            creditor: { name: `O'Neil <Fils> & "Cie"`, iban: VENUE_IBAN },
            remittanceInformation: 'Facture n°42 — 3 bénéficiaires <b>',
          }),
        ],
      }),
    );
    expect(xml).toContain('<Nm>O&apos;Neil Fils + Cie</Nm>');
    expect(xml).not.toMatch(/<b>|<Fils>|& /);
    const tx = parse(xml).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0];
    expect(tx.Cdtr.Nm).toBe("O'Neil Fils + Cie");
    expect(tx.RmtInf.Ustrd).toBe('Facture no42 - 3 beneficiaires b');
  });

  it('truncates names to 70 and remittance information to 140 characters', () => {
    const xml = buildPain001(
      input({
        debtor: { name: 'É'.repeat(100), iban: AGENCY_IBAN },
        transfers: [transfer({ remittanceInformation: 'é'.repeat(300) })],
      }),
    );
    const { PmtInf } = parse(xml).CstmrCdtTrfInitn;
    expect(PmtInf.Dbtr.Nm).toBe('E'.repeat(70));
    expect(PmtInf.CdtTrfTxInf[0].RmtInf.Ustrd).toBe('e'.repeat(140));
  });

  it('uses NOTPROVIDED for a debtor without BIC and omits the creditor agent without BIC', () => {
    const xml = buildPain001(
      input({
        debtor: { name: 'ANCT', iban: AGENCY_IBAN, bic: null },
        transfers: [transfer({ creditor: { name: 'Tiers-lieu', iban: VENUE_IBAN, bic: '  ' }, remittanceInformation: null })],
      }),
    );
    const { PmtInf } = parse(xml).CstmrCdtTrfInitn;
    expect(PmtInf.DbtrAgt).toEqual({ FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } });
    expect(PmtInf.CdtTrfTxInf[0].CdtrAgt).toBeUndefined();
    expect(PmtInf.CdtTrfTxInf[0].RmtInf).toBeUndefined();
  });

  it('normalises IBANs and BICs typed with spaces and lowercase', () => {
    const xml = buildPain001(
      input({ transfers: [transfer({ creditor: { name: 'X', iban: 'fr14 2004 1010 0505 0001 3m02 606', bic: 'psst frpp sce' } })] }),
    );
    const tx = parse(xml).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf[0];
    expect(tx.CdtrAcct.Id.IBAN).toBe(VENUE_IBAN);
    expect(tx.CdtrAgt.FinInstnId.BIC).toBe('PSSTFRPPSCE');
  });

  it('honours batchBooking, paymentInformationId and initiatingPartyName', () => {
    const { GrpHdr, PmtInf } = parse(
      buildPain001(input({ batchBooking: false, paymentInformationId: 'PMT-1', initiatingPartyName: 'Pass numérique' })),
    ).CstmrCdtTrfInitn;
    expect(PmtInf.BtchBookg).toBe('false');
    expect(PmtInf.PmtInfId).toBe('PMT-1');
    expect(GrpHdr.InitgPty.Nm).toBe('Pass numerique');
  });

  it('handles a large batch', () => {
    const transfers = Array.from({ length: 5000 }, (_, i) => {
      const bban = `2004101005${String(i).padStart(11, '0')}06`;
      return transfer({
        endToEndId: `E2E-${i}`,
        amountCents: 2000 + i,
        creditor: { name: `Lieu ${i}`, iban: `FR${ibanCheckDigits('FR', bban)}${bban}` },
      });
    });
    const { GrpHdr, PmtInf } = parse(buildPain001(input({ transfers }))).CstmrCdtTrfInitn;
    expect(GrpHdr.NbOfTxs).toBe('5000');
    expect(PmtInf.CdtTrfTxInf).toHaveLength(5000);
    // Σ (2000 + i) for i < 5000 = 10 000 000 + 12 497 500 cents
    expect(GrpHdr.CtrlSum).toBe('224975.00');
  });

  describe('input validation', () => {
    it('is a DomainError with a stable code', () => {
      try {
        buildPain001(input({ transfers: [] }));
        throw new Error('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as SepaInputError).code).toBe('SEPA_INVALID_INPUT');
        expect((error as SepaInputError).name).toBe('SepaInputError');
        expect((error as Error).message).toContain('at least one transfer is required');
      }
    });

    it.each([
      ['zero amount', { amountCents: 0 }, 'transfers[0].amountCents'],
      ['negative amount', { amountCents: -100 }, 'transfers[0].amountCents'],
      ['fractional cents', { amountCents: 10.5 }, 'transfers[0].amountCents'],
      ['NaN amount', { amountCents: Number.NaN }, 'transfers[0].amountCents'],
      ['amount over the EPC maximum', { amountCents: 100_000_000_000 }, 'transfers[0].amountCents'],
      [
        'IBAN with an altered digit',
        { creditor: { name: 'X', iban: 'FR1420041010050500013M02607' } },
        'transfers[0].creditor.iban is invalid (CHECKSUM)',
      ],
      ['non-SEPA IBAN', { creditor: { name: 'X', iban: 'US64SVBKUS6S3300958879' } }, 'transfers[0].creditor.iban is invalid (COUNTRY)'],
      ['bad BIC', { creditor: { name: 'X', iban: VENUE_IBAN, bic: 'PSST' } }, 'transfers[0].creditor.bic is invalid (LENGTH)'],
      ['name with no usable character', { creditor: { name: '★☆', iban: VENUE_IBAN } }, 'transfers[0].creditor.name is empty'],
      ['end-to-end id too long', { endToEndId: 'X'.repeat(36) }, 'transfers[0].endToEndId must be 1 to 35'],
      ['end-to-end id with accents', { endToEndId: 'RMB-é' }, 'transfers[0].endToEndId must only use'],
      ['end-to-end id with //', { endToEndId: 'RMB//1' }, "must not start or end with '/'"],
    ] as const)('refuses %s', (_label, overrides, expected) => {
      const issues = issuesOf(() => buildPain001(input({ transfers: [transfer(overrides as Partial<SepaCreditTransferLine>)] })));
      expect(issues.join('\n')).toContain(expected);
    });

    it('refuses a bad header and reports every problem at once', () => {
      const issues = issuesOf(() =>
        buildPain001(
          input({
            messageId: 'M'.repeat(36),
            createdAt: new Date('nope'),
            requestedExecutionDate: '2025-02-30',
            debtor: { name: 'ANCT', iban: 'FR76 3000 6000 0112 3456 7890 18' },
            transfers: [transfer({ endToEndId: 'A' }), transfer({ endToEndId: 'A', amountCents: 0 })],
          }),
        ),
      );
      expect(issues).toEqual([
        'messageId must be 1 to 35 characters (got 36)',
        'createdAt must be a valid Date',
        'requestedExecutionDate must be a YYYY-MM-DD date (got "2025-02-30")',
        'debtor.iban is invalid (LENGTH)',
        'transfers[1].endToEndId "A" is duplicated',
        'transfers[1].amountCents must be an integer between 1 and 99999999999 (got 0)',
      ]);
    });
  });
});
