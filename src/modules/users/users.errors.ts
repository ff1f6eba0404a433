import { DomainError } from '../../common/errors/domain-error';

export type UserErrorCode = 'EMAIL_ALREADY_USED' | 'CANNOT_DEACTIVATE_SELF' | 'INVITATION_NOT_PENDING';

export class UserError extends DomainError<UserErrorCode> {}
