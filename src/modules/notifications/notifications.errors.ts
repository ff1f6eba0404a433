import { DomainError } from '../../common/errors/domain-error';

export type NotificationErrorCode = 'NOTIFICATION_NOT_APPLICABLE';

export class NotificationError extends DomainError<NotificationErrorCode> {}
