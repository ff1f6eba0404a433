import { DomainError } from '../../common/errors/domain-error';

export type OppositionErrorCode = 'INVALID_CARNET_RANGE';

export class OppositionError extends DomainError<OppositionErrorCode> {}
