import { DomainError } from '../common/errors/domain-error';

export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'INVALID_TOKEN'
  | 'INVALID_INVITATION'
  | 'CSRF_REJECTED'
  | 'INVALID_PASSWORD_RESET'
  | 'PROCONNECT_DISABLED'
  | 'PROCONNECT_REFUSED';

export class AuthError extends DomainError<AuthErrorCode> {}

/** One message for unknown e-mail, wrong password and disabled account alike: nothing to learn from it. */
export const invalidCredentials = () => new AuthError('INVALID_CREDENTIALS', 'Invalid e-mail or password.');
export const invalidToken = () => new AuthError('INVALID_TOKEN', 'The token is invalid, expired or revoked.');
/** A change made with the session cookie that did not come from one of our own pages. */
export const csrfRejected = (reason: string) =>
  new AuthError('CSRF_REJECTED', `Request refused (${reason}): reload the page and try again.`);
