import { DomainError } from '../../common/errors/domain-error';

export type ReportErrorCode = 'REPORT_NOT_READY';

export class ReportError extends DomainError<ReportErrorCode> {}
