import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Names shared with the server (src/auth/session-cookies.ts). */
const CSRF_COOKIE = 'pn_csrf';
const CSRF_HEADER = 'X-CSRF-Token';
const SESSION_PATH = '/api/v1/auth/session';
export const LOGIN_PATH = '/connexion';
export const RETURN_PARAMETER = 'retour';

/** 401s here are answers the caller handles itself (a wrong password, no session yet), not an expired session. */
const CALLER_HANDLES_401 = [SESSION_PATH, '/api/v1/auth/me'];

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function isChange(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** The login page's address that brings the person back to where they were once logged in again. */
export function loginPathReturningHere(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return here.startsWith(LOGIN_PATH) ? LOGIN_PATH : `${LOGIN_PATH}?${RETURN_PARAMETER}=${encodeURIComponent(here)}`;
}

/**
 * Whether a session may be open in this browser: the server sets the CSRF cookie with the session, for as long
 * as its refresh cookie lives, and clears it at logout. Without it, asking who is logged in or renewing the
 * session could only be answered 401 or 403: a visitor's pages spare those requests on a slow network.
 */
export function maySessionBeOpen(): boolean {
  return readCookie(CSRF_COOKIE) !== undefined;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Set while the person logs out, and `sessionEpoch` moves on when a logout starts and when it ends: a page
 * request sent before then, or during it, that meets a 401 meets the logout's own doing, not an expired
 * session. Sending the browser to the login page then would race with (and could override) the logout's own
 * navigation: ProConnect's logout page, or the login page reached already (a slow answer used to arrive just
 * after the logout ended and load the login page a second time).
 */
let loggingOut = false;
let sessionEpoch = 0;
const sentInEpoch = new WeakMap<Request, number>();

export function setLoggingOut(value: boolean): void {
  loggingOut = value;
  sessionEpoch += 1;
}

/** One refresh at a time, however many calls found the access cookie expired together. */
function refreshSession(): Promise<boolean> {
  if (!maySessionBeOpen()) return Promise.resolve(false);
  refreshing ??= fetch(`${SESSION_PATH}/refresh`, {
    method: 'POST',
    credentials: 'include',
    headers: { [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '' },
  })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const pendingRetries = new WeakMap<Request, Request>();

/**
 * Every change repeats the CSRF cookie in a header (the server refuses it otherwise). An expired access
 * cookie is renewed once with the refresh cookie and the call replayed; when the session is over, the
 * browser goes to the login page, which brings the person back here afterwards.
 */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (isChange(request.method)) request.headers.set(CSRF_HEADER, readCookie(CSRF_COOKIE) ?? '');
    pendingRetries.set(request, request.clone());
    sentInEpoch.set(request, sessionEpoch);
    return request;
  },
  async onResponse({ request, response }) {
    const retry = pendingRetries.get(request);
    pendingRetries.delete(request);
    const sentBeforeLogout = sentInEpoch.get(request) !== sessionEpoch;
    sentInEpoch.delete(request);
    if (
      response.status !== 401 ||
      loggingOut ||
      sentBeforeLogout ||
      CALLER_HANDLES_401.some((path) => new URL(request.url).pathname.startsWith(path))
    ) {
      return response;
    }
    if (retry && (await refreshSession())) {
      if (isChange(retry.method)) retry.headers.set(CSRF_HEADER, readCookie(CSRF_COOKIE) ?? '');
      const replayed = await fetch(retry);
      if (replayed.status !== 401) return replayed;
    }
    window.location.assign(loginPathReturningHere());
    return response;
  },
};

/** The typed client of our own API (types generated from docs/openapi.json into schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'include' });
api.use(sessionMiddleware);

/** The French sentence to show for an API error answer, with a fallback when it says nothing useful. */
export function errorMessage(error: unknown, fallback = 'Une erreur est survenue. Réessayez dans un instant.'): string {
  if (error && typeof error === 'object' && 'code' in error) {
    switch ((error as { code: unknown }).code) {
      case 'INVALID_CREDENTIALS':
        return 'Adresse e-mail ou mot de passe incorrect.';
      case 'RATE_LIMITED':
        return 'Trop de tentatives. Patientez quelques minutes puis réessayez.';
      case 'CSRF_REJECTED':
        return 'La page a expiré. Rechargez-la puis réessayez.';
      case 'FORBIDDEN':
        return 'Votre rôle ne permet pas cette action.';
      case 'INVALID_PASSWORD_RESET':
        return 'Ce lien est inconnu, déjà utilisé ou expiré. Demandez un nouveau lien depuis « Mot de passe oublié ».';
      case 'INVALID_INVITATION':
        return 'Cette invitation est inconnue, déjà utilisée ou expirée. Demandez-en une nouvelle à l’administrateur de votre structure.';
    }
  }
  return fallback;
}
