import type { CommonErrorCode } from './common-errors';
import type { AuthErrorCode } from '../../auth/auth.errors';
import type { OrganisationErrorCode } from '../../modules/organisations/organisations.errors';
import type { UserErrorCode } from '../../modules/users/users.errors';
import type { RedemptionErrorCode } from '../../modules/redemptions/redemptions.errors';
import type { IdempotencyErrorCode } from '../idempotency/idempotency.errors';

/** Every machine-readable error code the API can answer with. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | OrganisationErrorCode
  | UserErrorCode
  | RedemptionErrorCode
  | IdempotencyErrorCode;
