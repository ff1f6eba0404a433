/**
 * Addresses of the web application that the server builds (links in e-mails, redirects after a ProConnect
 * sign-in), shared with the web application's routes (web/src/App.tsx) so that the two cannot drift apart.
 * Tokens travel in the fragment (`#token=…`): browsers never send it to a server, so it stays out of
 * access logs and Referer headers.
 */
export const WEB_PATHS = {
  login: '/connexion',
  forgottenPassword: '/mot-de-passe-oublie',
  newPassword: '/nouveau-mot-de-passe',
  invitation: '/invitation',
  /** Sends a signed-in person to their own space (the web application knows which). */
  home: '/',
  venueStatements: '/guichet/releves',
  venueHome: '/guichet',
  anctHome: '/anct',
} as const;

/** Query parameter of the login page: the page to go back to once signed in. */
export const RETURN_PARAMETER = 'retour';
/** Query parameter of the login page: why a ProConnect sign-in was refused (a code of REFUSAL_MESSAGES). */
export const PROCONNECT_REFUSAL_PARAMETER = 'proconnect';

/** `base` is PUBLIC_BASE_URL (no trailing slash needed). */
export function webLink(base: string, path: string, token?: string): string {
  const url = `${base.replace(/\/+$/, '')}${path}`;
  return token === undefined ? url : `${url}#token=${encodeURIComponent(token)}`;
}
