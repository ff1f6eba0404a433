import { DomainError } from './domain-error';

export type CommonErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BAD_REQUEST'
  | 'ROUTE_NOT_FOUND'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'INVALID_STATE_TRANSITION'
  | 'CONCURRENT_MODIFICATION'
  | 'ALREADY_EXISTS'
  | 'INTERNAL_ERROR';

export class CommonError extends DomainError<CommonErrorCode> {}

/**
 * Missing and "belongs to another organisation" are deliberately the same answer,
 * so that identifiers of other tenants cannot be probed.
 */
export class NotFoundError extends CommonError {
  constructor(resource: string) {
    super('NOT_FOUND', `${resource} not found.`);
  }
}

export class ForbiddenError extends CommonError {
  constructor(message = 'Your role does not allow this action.') {
    super('FORBIDDEN', message);
  }
}

export class InvalidTransitionError extends CommonError {
  constructor(resource: string, currentState: string, attempted: string) {
    super('INVALID_STATE_TRANSITION', `Cannot ${attempted} ${resource} in state "${currentState}".`, {
      currentState,
      attempted,
    });
  }
}

export class RateLimitedError extends CommonError {
  constructor(readonly retryAfterSeconds: number, message = 'Too many attempts. Try again later.') {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}
