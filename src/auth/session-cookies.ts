/**
 * The cookies of a browser session. The access token rides in an HttpOnly cookie (never readable by
 * scripts, so never in localStorage); the refresh token in another, sent only to the session endpoints;
 * the CSRF token in a cookie the page can read and must echo in a header (double submit).
 */
export const ACCESS_COOKIE = 'pn_access';
export const REFRESH_COOKIE = 'pn_refresh';
export const CSRF_COOKIE = 'pn_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Where the refresh cookie is sent: the session endpoints only, not every API call. */
export const SESSION_PATH = '/api/v1/auth/session';

export interface CookieOptions {
  maxAgeSeconds: number;
  path: string;
  httpOnly: boolean;
  secure: boolean;
}

/** `Cookie: a=1; b=2` → { a: '1', b: '2' }; the first of two same-named cookies wins, as browsers send the most specific first. */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    if (!name || name in cookies) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** One `Set-Cookie` value. SameSite=Strict always: a cross-site page never makes the browser send our session. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'SameSite=Strict',
  ];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * `Secure` unless the service is reached over plain HTTP on the local machine (a developer's or a
 * test's `http://localhost:3000`): anywhere else the cookies travel over HTTPS only.
 */
export function cookiesMustBeSecure(publicBaseUrl: string): boolean {
  const url = new URL(publicBaseUrl);
  if (url.protocol === 'https:') return true;
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
