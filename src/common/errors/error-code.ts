import type { CommonErrorCode } from './common-errors';
import type { AuthErrorCode } from '../../auth/auth.errors';
import type { OrganisationErrorCode } from '../../modules/organisations/organisations.errors';
import type { ReimbursementErrorCode } from '../../modules/reimbursements/reimbursements.errors';
import type { ReportErrorCode } from '../../modules/reports/reports.errors';
import type { StateShareErrorCode } from '../../modules/state-share/state-share.errors';
import type { UserErrorCode } from '../../modules/users/users.errors';

/** Every machine-readable error code the API can answer with. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | OrganisationErrorCode
  | UserErrorCode
  | ReimbursementErrorCode
  | StateShareErrorCode
  | ReportErrorCode;
