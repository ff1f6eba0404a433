import { createHmac } from 'node:crypto';

/**
 * Pure rules of handing a carnet out: the pseudonymous person key and the distribution window.
 */

export { FIRST_NAME_PATTERN } from './first-name.rules';

const PSEUDONYM_CONTEXT = 'pn-person/v1';

/**
 * Name as a prescriber may type it on different days or in different structures: accents, case,
 * punctuation, extra spaces and word order do not matter ("Jean-Pierre DUPONT" = "dupont jean pierre").
 */
export function normalisePersonName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0)
    .sort()
    .join(' ');
}

/**
 * The pseudonymous person id: HMAC-SHA256 keyed with a server secret, so that it cannot be recomputed
 * from a guessed name and birth date by anyone reading the database (a plain hash could be, by brute force).
 */
export function personPseudonym(secret: string, fullName: string, birthDate: string): Buffer {
  const name = normalisePersonName(fullName);
  if (name.length === 0) throw new RangeError('A person name needs at least one letter');
  return createHmac('sha256', secret).update(`${PSEUDONYM_CONTEXT}|${name}|${birthDate}`, 'utf8').digest();
}

const DAY_MS = 86_400_000;

/** Last instant a carnet may be handed out: `stopDays` before its chèques expire (historically J-15). */
export function distributionClosesAt(expiresAt: Date, stopDays: number): Date {
  return new Date(expiresAt.getTime() - stopDays * DAY_MS);
}
