import { DomainError } from '../../common/errors/domain-error';

export type PrintingErrorCode = 'PRINT_RUN_TOO_LARGE' | 'PRINT_FILE_GONE';

export class PrintingError extends DomainError<PrintingErrorCode> {}
