/**
 * IBAN (ISO 13616) and BIC (ISO 9362) rules for the accounts venues are reimbursed on.
 * Pure functions: no I/O, no framework, so they can run in DTO validation, in the SEPA file
 * builder and in the back office alike.
 */

export type IbanRejection = 'FORMAT' | 'COUNTRY' | 'LENGTH' | 'CHECKSUM';
export type IbanValidation = { ok: true; iban: string } | { ok: false; reason: IbanRejection };

export type BicRejection = 'LENGTH' | 'FORMAT';
export type BicValidation = { ok: true; bic: string } | { ok: false; reason: BicRejection };

/**
 * IBAN lengths of the countries in the SEPA scheme (SWIFT IBAN registry). We only pay venues by
 * SEPA credit transfer, so an IBAN from outside this list can never be paid and is refused as
 * COUNTRY rather than accepted and failing at the bank days later. French overseas departments,
 * Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin use FR IBANs.
 */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
});

/**
 * BBAN shapes we know well enough to check: French RIB = bank code 5n, branch 5n, account 11c,
 * RIB key 2n (Monaco uses the same layout). Catches letters typed into the numeric parts, which
 * the mod-97 check would otherwise accept if the digits happen to balance.
 */
const BBAN_PATTERNS: Readonly<Record<string, RegExp>> = {
  FR: /^\d{10}[A-Z0-9]{11}\d{2}$/,
  MC: /^\d{10}[A-Z0-9]{11}\d{2}$/,
};

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/;

/**
 * The pain.001.001.03 schema's own BICIdentifier pattern, so that anything we accept is also
 * accepted by the bank's validator: 4 letters of institution, 2 of country, 2 of location
 * (first not 0/1, second not the letter O), optional 3 of branch.
 */
const BIC_SHAPE = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

/** Removes every kind of space (people paste IBANs with NBSPs from PDFs) and uppercases. */
export function normaliseIban(input: string): string {
  return input.replace(/\s+/gu, '').toUpperCase();
}

/** Same normalisation for BICs; kept separate so the two can diverge without surprise. */
export function normaliseBic(input: string): string {
  return input.replace(/\s+/gu, '').toUpperCase();
}

/**
 * ISO 7064 mod 97-10 of an alphanumeric string (letters count as 10..35), computed digit by digit
 * so we never need a number wider than 97 * 100 — no BigInt, no float rounding.
 */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else {
      remainder = (remainder * 100 + (code - 55)) % 97;
    }
  }
  return remainder;
}

/** The two check digits of an IBAN for a country and BBAN (useful to build test fixtures). */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const remainder = mod97(`${normaliseIban(bban)}${countryCode.toUpperCase()}00`);
  return String(98 - remainder).padStart(2, '0');
}

export function validateIban(input: string): IbanValidation {
  const iban = normaliseIban(input);
  if (!IBAN_SHAPE.test(iban)) return { ok: false, reason: 'FORMAT' };
  const country = iban.slice(0, 2);
  const expectedLength = SEPA_IBAN_LENGTHS[country];
  if (expectedLength === undefined) return { ok: false, reason: 'COUNTRY' };
  if (iban.length !== expectedLength) return { ok: false, reason: 'LENGTH' };
  if (BBAN_PATTERNS[country] && !BBAN_PATTERNS[country].test(iban.slice(4))) {
    return { ok: false, reason: 'FORMAT' };
  }
  // Check digits 00, 01 and 99 are never issued (ISO 13616 range is 02..98), but 00 ≡ 97 and
  // 01 ≡ 98 mod 97, so the remainder test alone would let them through.
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return { ok: false, reason: 'CHECKSUM' };
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, iban };
}

export function isValidIban(input: string): boolean {
  return validateIban(input).ok;
}

/** Paper format, groups of four: "FR14 2004 1010 0505 0001 3M02 606". */
export function formatIban(input: string): string {
  return normaliseIban(input).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * For screens, logs and e-mails: keeps the country and check digits (tells which bank country)
 * and the last four characters (what people recognise their account by), masks the rest while
 * keeping the paper layout: "FR14 **** **** **** **** ***2 606".
 * Inputs too short to be an IBAN are masked entirely rather than half-revealed.
 */
export function maskIban(input: string): string {
  const iban = normaliseIban(input);
  if (iban.length < 12) return '*'.repeat(iban.length);
  const masked = iban.slice(0, 4) + '*'.repeat(iban.length - 8) + iban.slice(-4);
  return formatIban(masked);
}

export function validateBic(input: string): BicValidation {
  const bic = normaliseBic(input);
  if (bic.length !== 8 && bic.length !== 11) return { ok: false, reason: 'LENGTH' };
  if (!BIC_SHAPE.test(bic)) return { ok: false, reason: 'FORMAT' };
  return { ok: true, bic };
}
