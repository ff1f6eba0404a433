import { STANDARD_TELEPHONE_PATTERN } from './standard-vocabularies';

/**
 * A phone number as a person types it (« 04 72 00 00 00 », « 04.72.00.00.00 », « +33 4 72 … ») in the
 * standard's international form (`+33472000000`), or null when it cannot be one. Overseas numbers typed
 * with their own prefix (+262, +590…) are kept as typed; a French national number (0 then 9 digits) takes +33.
 */
export function toStandardPhone(typed: string): string | null {
  const compact = typed.replace(/[\s.\-()]/g, '');
  const international = /^0\d{9}$/.test(compact) ? `+33${compact.slice(1)}` : compact.replace(/^00/, '+');
  return STANDARD_TELEPHONE_PATTERN.test(international) ? international : null;
}

/** `+33472000000` → `04 72 00 00 00` for reading; other numbers as they are. */
export function readablePhone(standard: string): string {
  const match = /^\+33(\d{9})$/.exec(standard);
  return match ? `0${match[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ') : standard;
}
