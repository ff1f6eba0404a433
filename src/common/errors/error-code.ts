import type { CommonErrorCode } from './common-errors';
import type { AuthErrorCode } from '../../auth/auth.errors';
import type { OrganisationErrorCode } from '../../modules/organisations/organisations.errors';
import type { UserErrorCode } from '../../modules/users/users.errors';
import type { CarnetErrorCode } from '../../modules/carnets/carnets.errors';
import type { OrderErrorCode } from '../../modules/orders/orders.errors';
import type { ProgrammeErrorCode } from '../../modules/programmes/programmes.errors';

/** Every machine-readable error code the API can answer with. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | OrganisationErrorCode
  | UserErrorCode
  | ProgrammeErrorCode
  | OrderErrorCode
  | CarnetErrorCode;
