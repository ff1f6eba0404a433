import type { CommonErrorCode } from './common-errors';
import type { AuthErrorCode } from '../../auth/auth.errors';
import type { OrganisationErrorCode } from '../../modules/organisations/organisations.errors';
import type { UserErrorCode } from '../../modules/users/users.errors';
import type { PassErrorCode } from '../../modules/passes/passes.errors';
import type { SigningErrorCode } from '../../modules/signing/voucher-signature';
import type { OppositionErrorCode } from '../../modules/oppositions/oppositions.errors';
import type { PrintingErrorCode } from '../../modules/printing/printing.errors';

/** Every machine-readable error code the API can answer with. */
export type ErrorCode = CommonErrorCode | AuthErrorCode | OrganisationErrorCode | UserErrorCode | PassErrorCode | SigningErrorCode | OppositionErrorCode | PrintingErrorCode;
