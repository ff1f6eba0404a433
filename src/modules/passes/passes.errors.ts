import { DomainError } from '../../common/errors/domain-error';

export type PassErrorCode = 'DISTRIBUTION_CLOSED' | 'NO_ISSUABLE_VOUCHERS' | 'CARNET_NEVER_ISSUED' | 'CARNET_ALREADY_REPLACED';

export class PassError extends DomainError<PassErrorCode> {}
