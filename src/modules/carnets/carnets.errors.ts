import { DomainError } from '../../common/errors/domain-error';

export type CarnetErrorCode = 'INSUFFICIENT_STOCK' | 'CARNETS_NOT_AVAILABLE' | 'INVALID_CARNET_RANGE';

export class CarnetError extends DomainError<CarnetErrorCode> {}
