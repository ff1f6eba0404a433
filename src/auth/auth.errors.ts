import { DomainError } from '../common/errors/domain-error';

export type AuthErrorCode = 'INVALID_CREDENTIALS' | 'INVALID_TOKEN' | 'INVALID_INVITATION' | 'INVALID_PASSWORD_RESET' | 'PROCONNECT_DISABLED';

export class AuthError extends DomainError<AuthErrorCode> {}

/** One message for unknown e-mail, wrong password and disabled account alike: nothing to learn from it. */
export const invalidCredentials = () => new AuthError('INVALID_CREDENTIALS', 'Invalid e-mail or password.');
export const invalidToken = () => new AuthError('INVALID_TOKEN', 'The token is invalid, expired or revoked.');
