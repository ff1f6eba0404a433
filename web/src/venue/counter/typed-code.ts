import { parseVoucherCode, VOUCHER_CODE_GROUP_SIZE, VOUCHER_CODE_LENGTH } from '../../../../src/modules/vouchers/voucher-code-check.rules';

/** Whitespace and dashes the agent (or a barcode scanner) types between groups. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/**
 * What the field shows while the agent types: upper case, in groups of four as printed on the chèque
 * (`K7QM-3XHZ-…`). Nothing is dropped but separators, so a wrong character stays visible to be fixed.
 */
export function groupTypedCode(input: string): string {
  const characters = input.replace(SEPARATORS, '').toUpperCase();
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += VOUCHER_CODE_GROUP_SIZE) {
    groups.push(characters.slice(start, start + VOUCHER_CODE_GROUP_SIZE));
  }
  return groups.join('-');
}

/** Letters and digits, U apart (I, L and O are read as 1, 1 and 0, as the server does). */
const NOT_A_CODE_CHARACTER = /[^0-9A-TV-Za-tv-z]/;

export type TypedCodeState =
  | { state: 'incomplete'; missing: number }
  | { state: 'too_long' }
  | { state: 'bad_character' }
  | { state: 'typo' }
  | { state: 'ok'; code: string };

/**
 * The typed code judged in the browser, by the very rule the server applies (voucher-code-check.rules):
 * a typo in the check character is flagged before anything is sent.
 */
export function judgeTypedCode(input: string): TypedCodeState {
  const characters = input.replace(SEPARATORS, '');
  const parsed = parseVoucherCode(characters);
  if (parsed.ok) return { state: 'ok', code: parsed.code };
  if (parsed.reason === 'CHECK_CHARACTER_MISMATCH') return { state: 'typo' };
  if (NOT_A_CODE_CHARACTER.test(characters)) return { state: 'bad_character' };
  if (characters.length > VOUCHER_CODE_LENGTH) return { state: 'too_long' };
  return { state: 'incomplete', missing: VOUCHER_CODE_LENGTH - characters.length };
}

/** The sentence under the field, or null when there is nothing to say yet. */
export function typedCodeMessage(judged: TypedCodeState): string | null {
  switch (judged.state) {
    case 'ok':
      return null;
    case 'typo':
      return 'Ce code contient une erreur de frappe : relisez-le caractère par caractère sur le chèque.';
    case 'bad_character':
      return 'Ce code contient un caractère qui n’existe pas sur les chèques (lettres et chiffres seulement, sans U).';
    case 'too_long':
      return `Ce code est trop long : un code compte ${VOUCHER_CODE_LENGTH} caractères.`;
    case 'incomplete':
      return judged.missing === 1 ? 'Il manque 1 caractère.' : `Il manque ${judged.missing} caractères.`;
  }
}
