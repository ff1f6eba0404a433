/**
 * Builds the SEPA credit transfer initiation file (ISO 20022 pain.001.001.03, the version every
 * French bank accepts through EBICS) that the paying agency uploads to reimburse venues.
 * Pure: input in, XML string out. Amounts are integer cents end to end; decimals only appear
 * when the XML text is written.
 */
import { DomainError } from '../../common/errors/domain-error';
import { normaliseBic, normaliseIban, validateBic, validateIban } from './iban.rules';

export const PAIN_001_001_03_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** Schema / EPC limits. Names are Max140Text in the schema but the EPC rulebook allows 70. */
export const SEPA_MAX_LENGTH = { id: 35, name: 70, remittance: 140 } as const;
/** EPC: an instructed amount is at most 999 999 999.99 EUR. */
export const SEPA_MAX_AMOUNT_CENTS = 99_999_999_999;

export interface SepaAccountHolder {
  name: string;
  iban: string;
  /** Optional since 2016 for SEPA payments ("IBAN only"); omitted or NOTPROVIDED in the file. */
  bic?: string | null;
}

export interface SepaCreditTransferLine {
  /** Comes back on the creditor's and our statements: the key to reconcile a reimbursement. */
  endToEndId: string;
  amountCents: number;
  creditor: SepaAccountHolder;
  /** Free text shown to the venue on its statement; transliterated and cut to 140 chars. */
  remittanceInformation?: string | null;
}

export interface Pain001Input {
  messageId: string;
  createdAt: Date;
  /** Calendar date `YYYY-MM-DD`: a string, so no time zone can move it by a day. */
  requestedExecutionDate: string;
  /** Defaults to the message id (we put a single payment block per file). */
  paymentInformationId?: string;
  /** true (default): one debit line on the agency's statement for the whole batch. */
  batchBooking?: boolean;
  /** GrpHdr/InitgPty is mandatory in the schema; defaults to the debtor's name. */
  initiatingPartyName?: string;
  debtor: SepaAccountHolder;
  transfers: readonly SepaCreditTransferLine[];
}

/** Thrown with every problem found, so one bad batch is fixed in one go rather than one by one. */
export class SepaInputError extends DomainError<'SEPA_INVALID_INPUT'> {
  constructor(readonly issues: readonly string[]) {
    const more = issues.length > 5 ? `; … (${issues.length} issues in all)` : '';
    super('SEPA_INVALID_INPUT', `Invalid SEPA credit transfer input: ${issues.slice(0, 5).join('; ')}${more}`, { issues });
  }
}

/**
 * Characters that cannot be decomposed into a base letter plus accent, mapped by hand.
 * '&' becomes '+' rather than being dropped, so "Dupont & Fils" keeps its meaning; '°' becomes
 * 'o' because "n°" (numéro) is common in the remittance texts French users type.
 */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  Œ: 'OE',
  œ: 'oe',
  Æ: 'AE',
  æ: 'ae',
  ß: 'ss',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  '&': '+',
  '€': 'EUR',
  '°': 'o',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '`': "'",
  '´': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\\': '/',
  ';': ',',
  '!': '.',
};
/** EPC "SEPA basic Latin" set: anything else may be rejected or mangled by a bank on the way. */
const OUTSIDE_SEPA_LATIN = /[^A-Za-z0-9/\-?:().,'+ ]/g;
const SEPA_ID = /^[A-Za-z0-9/\-?:().,'+]+$/;

/**
 * Restricts free text to the SEPA Latin set: hand-made transliterations, then compatibility
 * decomposition with accents dropped (é→e, ﬁ→fi, full-width letters → ASCII), anything left
 * outside the set becomes a space, spaces are collapsed, then the result is cut to `maxLength`.
 * Cutting happens after transliteration (œ→oe grows the text) and before XML escaping (so an
 * entity is never cut in half, and the limit counts characters, as the schema does).
 */
export function toSepaText(text: string, maxLength: number): string {
  const transliterated = [...text].map((char) => TRANSLITERATIONS[char] ?? char).join('');
  return transliterated
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(OUTSIDE_SEPA_LATIN, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trimEnd();
}

/** 1050 → "10.50", computed on integers so no binary float ever shows up in the file. */
export function formatCentsAsSepaAmount(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return `${euros}.${String(rest).padStart(2, '0')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** xs:dateTime in UTC without milliseconds: unambiguous and accepted by the schema. */
function formatCreationDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Identifiers are checked, never silently cut: a truncated end-to-end id breaks reconciliation. */
function checkIdentifier(value: string, label: string, issues: string[]): void {
  if (value.length === 0 || value.length > SEPA_MAX_LENGTH.id) {
    issues.push(`${label} must be 1 to ${SEPA_MAX_LENGTH.id} characters (got ${value.length})`);
  } else if (!SEPA_ID.test(value)) {
    issues.push(`${label} must only use A-Z a-z 0-9 / - ? : ( ) . , ' + (got ${JSON.stringify(value)})`);
  } else if (value.startsWith('/') || value.endsWith('/') || value.includes('//')) {
    issues.push(`${label} must not start or end with '/' nor contain '//'`);
  }
}

function checkAccountHolder(holder: SepaAccountHolder, label: string, issues: string[]): void {
  if (toSepaText(holder.name ?? '', SEPA_MAX_LENGTH.name) === '') {
    issues.push(`${label}.name is empty once restricted to the SEPA character set`);
  }
  const iban = validateIban(holder.iban ?? '');
  if (!iban.ok) issues.push(`${label}.iban is invalid (${iban.reason})`);
  if (hasBic(holder.bic)) {
    const bic = validateBic(holder.bic);
    if (!bic.ok) issues.push(`${label}.bic is invalid (${bic.reason})`);
  }
}

function checkInput(input: Pain001Input): string[] {
  const issues: string[] = [];
  checkIdentifier(input.messageId, 'messageId', issues);
  if (input.paymentInformationId !== undefined) {
    checkIdentifier(input.paymentInformationId, 'paymentInformationId', issues);
  }
  if (!(input.createdAt instanceof Date) || Number.isNaN(input.createdAt.getTime())) {
    issues.push('createdAt must be a valid Date');
  }
  if (!isCalendarDate(input.requestedExecutionDate)) {
    issues.push(`requestedExecutionDate must be a YYYY-MM-DD date (got ${JSON.stringify(input.requestedExecutionDate)})`);
  }
  checkAccountHolder(input.debtor, 'debtor', issues);
  if (input.transfers.length === 0) issues.push('at least one transfer is required');

  const seenEndToEndIds = new Set<string>();
  input.transfers.forEach((transfer, index) => {
    const label = `transfers[${index}]`;
    checkIdentifier(transfer.endToEndId, `${label}.endToEndId`, issues);
    if (seenEndToEndIds.has(transfer.endToEndId)) {
      issues.push(`${label}.endToEndId ${JSON.stringify(transfer.endToEndId)} is duplicated`);
    }
    seenEndToEndIds.add(transfer.endToEndId);
    const cents = transfer.amountCents;
    if (!Number.isSafeInteger(cents) || cents <= 0 || cents > SEPA_MAX_AMOUNT_CENTS) {
      issues.push(`${label}.amountCents must be an integer between 1 and ${SEPA_MAX_AMOUNT_CENTS} (got ${cents})`);
    }
    checkAccountHolder(transfer.creditor, `${label}.creditor`, issues);
  });
  return issues;
}

/** A blank BIC (empty form field) means "not provided", not "invalid". */
function hasBic(bic: string | null | undefined): bic is string {
  return typeof bic === 'string' && bic.trim() !== '';
}

/** Minimal XML writer: an element is a tag with either escaped text or child lines. */
function element(tag: string, content: string | string[], attributes = ''): string[] {
  if (typeof content === 'string') return [`<${tag}${attributes}>${escapeXml(content)}</${tag}>`];
  return [`<${tag}${attributes}>`, ...content.map((line) => `  ${line}`), `</${tag}>`];
}

function agent(tag: string, bic: string | null | undefined): string[] {
  // A missing debtor BIC must still fill the mandatory agent block: EPC's NOTPROVIDED marker.
  const identification = hasBic(bic) ? element('BIC', normaliseBic(bic)) : element('Othr', element('Id', 'NOTPROVIDED'));
  return element(tag, element('FinInstnId', identification));
}

function account(tag: string, iban: string): string[] {
  return element(tag, [...element('Id', element('IBAN', normaliseIban(iban))), ...element('Ccy', 'EUR')]);
}

function creditTransfer(transfer: SepaCreditTransferLine): string[] {
  const remittance = toSepaText(transfer.remittanceInformation ?? '', SEPA_MAX_LENGTH.remittance);
  return element('CdtTrfTxInf', [
    ...element('PmtId', element('EndToEndId', transfer.endToEndId)),
    ...element('Amt', element('InstdAmt', formatCentsAsSepaAmount(transfer.amountCents), ' Ccy="EUR"')),
    // IBAN-only: without a BIC the creditor agent block is simply left out (EPC rulebook).
    ...(hasBic(transfer.creditor.bic) ? agent('CdtrAgt', transfer.creditor.bic) : []),
    ...element('Cdtr', element('Nm', toSepaText(transfer.creditor.name, SEPA_MAX_LENGTH.name))),
    ...element('CdtrAcct', element('Id', element('IBAN', normaliseIban(transfer.creditor.iban)))),
    ...(remittance ? element('RmtInf', element('Ustrd', remittance)) : []),
  ]);
}

/**
 * Returns the pain.001.001.03 document for one debtor account and N transfers.
 * @throws SepaInputError listing every invalid field.
 */
export function buildPain001(input: Pain001Input): string {
  const issues = checkInput(input);
  if (issues.length > 0) throw new SepaInputError(issues);

  const numberOfTransactions = String(input.transfers.length);
  const controlSum = formatCentsAsSepaAmount(input.transfers.reduce((sum, t) => sum + t.amountCents, 0));
  const debtorName = toSepaText(input.debtor.name, SEPA_MAX_LENGTH.name);
  const initiatingPartyName = toSepaText(input.initiatingPartyName ?? '', SEPA_MAX_LENGTH.name) || debtorName;

  const groupHeader = element('GrpHdr', [
    ...element('MsgId', input.messageId),
    ...element('CreDtTm', formatCreationDateTime(input.createdAt)),
    ...element('NbOfTxs', numberOfTransactions),
    ...element('CtrlSum', controlSum),
    ...element('InitgPty', element('Nm', initiatingPartyName)),
  ]);
  const paymentInformation = element('PmtInf', [
    ...element('PmtInfId', input.paymentInformationId ?? input.messageId),
    ...element('PmtMtd', 'TRF'),
    ...element('BtchBookg', String(input.batchBooking ?? true)),
    ...element('NbOfTxs', numberOfTransactions),
    ...element('CtrlSum', controlSum),
    ...element('PmtTpInf', element('SvcLvl', element('Cd', 'SEPA'))),
    ...element('ReqdExctnDt', input.requestedExecutionDate),
    ...element('Dbtr', element('Nm', debtorName)),
    ...account('DbtrAcct', input.debtor.iban),
    ...agent('DbtrAgt', input.debtor.bic),
    ...element('ChrgBr', 'SLEV'),
    ...input.transfers.flatMap(creditTransfer),
  ]);
  const document = element(
    'Document',
    element('CstmrCdtTrfInitn', [...groupHeader, ...paymentInformation]),
    ` xmlns="${PAIN_001_001_03_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...document].join('\n') + '\n';
}
