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
  | 'SERVICE_UNAVAILABLE'
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
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Try again later.',
  ) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** What the API cannot do without: a request that needs one while it is down is answered 503, to be tried again. */
export type Dependency = 'postgres' | 'redis';

const DEPENDENCY_NAMES: Record<Dependency, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

/** Nothing was done; the same request may be sent again after `Retry-After` seconds. */
export class ServiceUnavailableError extends CommonError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    details: Record<string, unknown> = {},
  ) {
    super('SERVICE_UNAVAILABLE', message, { retryAfterSeconds, ...details });
  }

  static dependencies(unavailable: Dependency[], details: Record<string, unknown> = {}): ServiceUnavailableError {
    const names = unavailable.map((name) => DEPENDENCY_NAMES[name]).join(' and ');
    return new ServiceUnavailableError(`The service is temporarily unavailable (${names} not answering). Try again in a few seconds.`, 5, {
      unavailable,
      ...details,
    });
  }
}
