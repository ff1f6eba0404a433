import type { FastifyRequest } from 'fastify';
import { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, parseCookieHeader } from './session-cookies';
import { checkCookieAuthenticatedRequest, type CsrfVerdict } from './csrf.rules';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The access token of the browser session, if the request carries the session cookie. */
export function sessionAccessToken(request: FastifyRequest): string | undefined {
  return parseCookieHeader(request.headers.cookie)[ACCESS_COOKIE] || undefined;
}

/** Applies the CSRF rules to a request that the session cookie authenticates (see csrf.rules.ts). */
export function checkCsrf(request: FastifyRequest, publicBaseUrl: string, requireToken = true): CsrfVerdict {
  const cookies = parseCookieHeader(request.headers.cookie);
  return checkCookieAuthenticatedRequest(
    {
      method: request.method,
      origin: header(request, 'origin'),
      fetchSite: header(request, 'sec-fetch-site'),
      ownOrigins: [new URL(publicBaseUrl).origin, `${request.protocol}://${request.host}`],
      csrfHeader: header(request, CSRF_HEADER),
      csrfCookie: cookies[CSRF_COOKIE],
    },
    requireToken,
  );
}
