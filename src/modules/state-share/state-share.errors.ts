import { DomainError } from '../../common/errors/domain-error';

export type StateShareErrorCode = 'STATE_SHARE_PAYMENT_EXCEEDS_DUE' | 'INVALID_PAYMENT_DATE';

export class StateShareError extends DomainError<StateShareErrorCode> {}
