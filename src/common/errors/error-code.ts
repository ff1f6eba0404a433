import type { CommonErrorCode } from './common-errors';
import type { AuthErrorCode } from '../../auth/auth.errors';
import type { OrganisationErrorCode } from '../../modules/organisations/organisations.errors';
import type { ReimbursementErrorCode } from '../../modules/reimbursements/reimbursements.errors';
import type { ReportErrorCode } from '../../modules/reports/reports.errors';
import type { StateShareErrorCode } from '../../modules/state-share/state-share.errors';
import type { UserErrorCode } from '../../modules/users/users.errors';
import type { CarnetErrorCode } from '../../modules/carnets/carnets.errors';
import type { OppositionErrorCode } from '../../modules/oppositions/oppositions.errors';
import type { OrderErrorCode } from '../../modules/orders/orders.errors';
import type { PassErrorCode } from '../../modules/passes/passes.errors';
import type { PrintingErrorCode } from '../../modules/printing/printing.errors';
import type { ProgrammeErrorCode } from '../../modules/programmes/programmes.errors';
import type { SigningErrorCode } from '../../modules/signing/voucher-signature';
import type { RedemptionErrorCode } from '../../modules/redemptions/redemptions.errors';
import type { IdempotencyErrorCode } from '../idempotency/idempotency.errors';
import type { CommuneErrorCode } from '../../modules/communes/communes.errors';
import type { VenueImportErrorCode } from '../../modules/venue-imports/venue-imports.errors';
import type { NotificationErrorCode } from '../../modules/notifications/notifications.errors';

/** Every machine-readable error code the API can answer with. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | OrganisationErrorCode
  | UserErrorCode
  | ProgrammeErrorCode
  | OrderErrorCode
  | CarnetErrorCode
  | PassErrorCode
  | SigningErrorCode
  | OppositionErrorCode
  | PrintingErrorCode
  | ReimbursementErrorCode
  | StateShareErrorCode
  | ReportErrorCode
  | RedemptionErrorCode
  | IdempotencyErrorCode
  | CommuneErrorCode
  | VenueImportErrorCode
  | NotificationErrorCode;
