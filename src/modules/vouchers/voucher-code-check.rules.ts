/**
 * The check character of chèque codes, and how a typed code is read and shown: pure, with no Node-only
 * dependency, so the web counter imports this very module to flag a typo before anything is sent.
 * (The code's derivation and hash, which need node:crypto, stay in voucher-code.rules.ts.)
 */

/** Crockford base32: no I, L, O, U, so codes survive being read aloud, handwritten or retyped. */
export const VOUCHER_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 15 × 5 = 75 bits of entropy: above the 60-bit floor, and a whole number of 4-character groups with the check character. */
export const VOUCHER_CODE_PAYLOAD_LENGTH = 15;
export const VOUCHER_CODE_LENGTH = VOUCHER_CODE_PAYLOAD_LENGTH + 1;
export const VOUCHER_CODE_GROUP_SIZE = 4;
const GROUP = new RegExp(`.{${VOUCHER_CODE_GROUP_SIZE}}`, 'g');

/**
 * Check character: Damm algorithm over the quasigroup x∘y = (α·x) ⊕ y in GF(2^5), α = 2. The modulus
 * x^5 + x^2 + 1 is irreducible, so GF(2^5) is a field and multiplying by α ≠ 0 is a bijection.
 *
 * - Each row and column is a permutation (α ≠ 0), so any single substitution changes the final interim.
 * - (c∘x)∘y = α²c ⊕ αx ⊕ y, so (c∘x)∘y = (c∘y)∘x ⇔ (α ⊕ 1)(x ⊕ y) = 0 ⇔ x = y (α ≠ 1): total
 *   anti-symmetry, so every adjacent transposition is caught, including one with the check character.
 * It stays in the 32-symbol alphabet, unlike Crockford's mod-37 check which needs 5 extra symbols.
 * Bonus, not relied upon by callers: α has order 31 > 16, so transpositions at any distance in a
 * 16-character code are caught too.
 */
const GF32_MODULUS = 0b100101;
const ALPHA = 2;

/** Carry-less product reduced by the modulus. */
function gf32Multiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 5; bit++) {
    if ((b >> bit) & 1) product ^= a << bit;
  }
  for (let bit = 8; bit >= 5; bit--) {
    if ((product >> bit) & 1) product ^= GF32_MODULUS << (bit - 5);
  }
  return product;
}

export const VOUCHER_CHECK_QUASIGROUP: ReadonlyArray<ReadonlyArray<number>> = Object.freeze(
  Array.from({ length: 32 }, (_, x) => Object.freeze(Array.from({ length: 32 }, (_, y) => gf32Multiply(ALPHA, x) ^ y))),
);

function quasigroupRow(value: number): ReadonlyArray<number> {
  const row = VOUCHER_CHECK_QUASIGROUP[value];
  if (!row) throw new RangeError(`Not a base32 value: ${value}`);
  return row;
}

function dammInterim(values: readonly number[]): number {
  return values.reduce((interim, value) => {
    const next = quasigroupRow(interim)[value];
    if (next === undefined) throw new RangeError(`Not a base32 value: ${value}`);
    return next;
  }, 0);
}

export function voucherCheckValue(payload: readonly number[]): number {
  return quasigroupRow(dammInterim(payload)).indexOf(0);
}

export function encodeVoucherValues(values: readonly number[]): string {
  let code = '';
  for (const value of values) code += VOUCHER_CODE_ALPHABET[value];
  return code;
}

/** Lowercase and Crockford's look-alikes are accepted on input (O→0, I/L→1); U stays invalid. */
const DECODING: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...VOUCHER_CODE_ALPHABET].flatMap(
    (char, value) =>
      [
        [char, value],
        [char.toLowerCase(), value],
      ] as const,
  ),
  ['O', 0],
  ['o', 0],
  ['I', 1],
  ['i', 1],
  ['L', 1],
  ['l', 1],
]);

/** Whitespace (incl. no-break space) and typographic dashes: what copying from a PDF or an e-mail produces. */
const SEPARATOR = /[\s\-\u2010-\u2015\u2212]/;

/** Check character for a payload of base32 characters (exposed for tests and tooling). */
export function computeVoucherCheckCharacter(payload: string): string {
  const values = [...payload].map((char) => {
    const value = VOUCHER_CODE_ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`Not a voucher code character: ${JSON.stringify(char)}`);
    return value;
  });
  const check = VOUCHER_CODE_ALPHABET[voucherCheckValue(values)];
  // Each quasigroup row is a permutation of 0..31, so it holds a 0 and the index is a valid character.
  if (check === undefined) throw new Error('Voucher check value out of the alphabet');
  return check;
}

export type VoucherCodeRejection = 'MALFORMED' | 'CHECK_CHARACTER_MISMATCH';
export type VoucherCodeParseResult =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly reason: VoucherCodeRejection };

const MALFORMED: VoucherCodeParseResult = Object.freeze({ ok: false, reason: 'MALFORMED' });
const CHECK_CHARACTER_MISMATCH: VoucherCodeParseResult = Object.freeze({ ok: false, reason: 'CHECK_CHARACTER_MISMATCH' });

/**
 * Normalises user input. A check-character mismatch means "a typo", known without a database
 * look-up; a valid result still has to be looked up (1 random string in 32 passes the check).
 */
export function parseVoucherCode(input: string): VoucherCodeParseResult {
  const values: number[] = [];
  for (const char of input) {
    if (SEPARATOR.test(char)) continue;
    const value = DECODING.get(char);
    if (value === undefined || values.length === VOUCHER_CODE_LENGTH) return MALFORMED;
    values.push(value);
  }
  if (values.length !== VOUCHER_CODE_LENGTH) return MALFORMED;
  if (dammInterim(values) !== 0) return CHECK_CHARACTER_MISMATCH;
  return { ok: true, code: encodeVoucherValues(values) };
}

export function normalisedVoucherCodeOrThrow(code: string): string {
  const parsed = parseVoucherCode(code);
  if (!parsed.ok) throw new RangeError(`Invalid voucher code (${parsed.reason})`);
  return parsed.code;
}

/** For display and print: `K7QM-3XHZ-…`. Throws on an invalid code, which can only be a bug here. */
export function formatVoucherCode(code: string): string {
  const groups = normalisedVoucherCodeOrThrow(code).match(GROUP);
  // A normalised code has VOUCHER_CODE_LENGTH characters, at least one group.
  if (!groups) throw new Error('A normalised voucher code has no group');
  return groups.join('-');
}
