import { DomainError } from '../../common/errors/domain-error';

export type ReimbursementErrorCode =
  | 'INVALID_IBAN'
  | 'INVALID_BIC'
  | 'VENUE_BANK_ACCOUNT_MISSING'
  | 'STATEMENTS_NOT_PAYABLE'
  | 'STATEMENT_DOCUMENTS_NOT_READY'
  | 'INVALID_STATEMENT_PERIOD'
  | 'INVALID_EXECUTION_DATE'
  | 'SEPA_INVALID_INPUT';

export class ReimbursementError extends DomainError<ReimbursementErrorCode> {}
