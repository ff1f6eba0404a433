import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from './error-code';

/**
 * The one place where business error codes become HTTP statuses. A `Record` over the union makes
 * the mapping exhaustive: adding a code without a status does not compile.
 */
export const HTTP_STATUS_BY_ERROR_CODE: Record<ErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_JSON: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  INVALID_STATE_TRANSITION: HttpStatus.CONFLICT,
  CONCURRENT_MODIFICATION: HttpStatus.CONFLICT,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,

  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  INVALID_TOKEN: HttpStatus.UNAUTHORIZED,
  INVALID_INVITATION: HttpStatus.BAD_REQUEST,

  SIRET_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  SIREN_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  INVALID_SIRET: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_SIREN: HttpStatus.UNPROCESSABLE_ENTITY,
  UNKNOWN_FUNDER: HttpStatus.UNPROCESSABLE_ENTITY,

  EMAIL_ALREADY_USED: HttpStatus.CONFLICT,
  CANNOT_DEACTIVATE_SELF: HttpStatus.UNPROCESSABLE_ENTITY,

  DISTRIBUTION_CLOSED: HttpStatus.UNPROCESSABLE_ENTITY,
  NO_ISSUABLE_VOUCHERS: HttpStatus.UNPROCESSABLE_ENTITY,
  CARNET_NEVER_ISSUED: HttpStatus.UNPROCESSABLE_ENTITY,
  CARNET_ALREADY_REPLACED: HttpStatus.CONFLICT,

  // The configuration lacks a signing key for these chèques: an operator must act, retrying will not help until then.
  SIGNING_KEY_NOT_ACTIVE: HttpStatus.SERVICE_UNAVAILABLE,
  VOUCHER_OUTLIVES_SIGNING_KEY: HttpStatus.SERVICE_UNAVAILABLE,
};
