import { DomainError } from '../errors/domain-error';

export type IdempotencyErrorCode = 'IDEMPOTENCY_KEY_REQUIRED' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_REQUEST_IN_PROGRESS';

export class IdempotencyError extends DomainError<IdempotencyErrorCode> {}
