import { timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export interface CookieRequestFacts {
  method: string;
  /** The `Origin` header, if the browser sent one. */
  origin: string | undefined;
  /** The `Sec-Fetch-Site` header, if the browser sent one. */
  fetchSite: string | undefined;
  /** Origins that are ours: the public address, and the one the request itself was addressed to. */
  ownOrigins: readonly string[];
  /** The CSRF header's value and the CSRF cookie's; `null` to check the origin only. */
  csrfHeader: string | undefined;
  csrfCookie: string | undefined;
}

export type CsrfVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a request authenticated by the session cookie may go ahead. Reading is always allowed;
 * a change must come from one of our own pages: the origin (when the browser tells it) is ours, and the
 * CSRF header repeats the CSRF cookie, which a page of another site can neither read nor set.
 */
export function checkCookieAuthenticatedRequest(facts: CookieRequestFacts, requireToken = true): CsrfVerdict {
  if (isSafeMethod(facts.method)) return { allowed: true };
  if (facts.fetchSite && facts.fetchSite !== 'same-origin') return { allowed: false, reason: 'cross-site request' };
  if (facts.origin && !facts.ownOrigins.includes(facts.origin)) return { allowed: false, reason: 'foreign origin' };
  if (!requireToken) return { allowed: true };
  if (!facts.csrfHeader || !facts.csrfCookie) return { allowed: false, reason: 'missing CSRF token' };
  const header = Buffer.from(facts.csrfHeader);
  const cookie = Buffer.from(facts.csrfCookie);
  if (header.length !== cookie.length || !timingSafeEqual(header, cookie)) return { allowed: false, reason: 'CSRF token mismatch' };
  return { allowed: true };
}
