import { uniqueViolationConstraint } from '../../database/postgres-errors';
import { DomainError } from './domain-error';
import type { ErrorCode } from './error-code';

class UniqueViolationError extends DomainError<ErrorCode> {}

/**
 * What a unique index refusing a row means to the client. Services check first and answer the usual case
 * with the same codes; these indexes settle two simultaneous identical requests, and the loser gets the
 * same 409. Any other unique index answers the generic `ALREADY_EXISTS`: never a 500.
 */
const ANSWER_BY_CONSTRAINT: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  uq_users_email: { code: 'EMAIL_ALREADY_USED', message: 'An account already exists for this e-mail address.' },
  uq_organisations_funder_siren: { code: 'SIREN_ALREADY_REGISTERED', message: 'A funder with this SIREN already exists.' },
  uq_organisations_venue_siret: {
    code: 'SIRET_ALREADY_REGISTERED',
    message: 'An organisation with this SIRET was registered at the same moment; try again.',
  },
  uq_organisations_prescriber_siret: {
    code: 'SIRET_ALREADY_REGISTERED',
    message: 'An organisation with this SIRET was registered at the same moment; try again.',
  },
  uq_programmes_name_year: { code: 'PROGRAMME_ALREADY_EXISTS', message: 'A programme with this name already exists for this year.' },
  uq_programme_enrolments_programme_funder: {
    code: 'FUNDER_ALREADY_ENROLLED',
    message: 'This funder is already enrolled in the programme.',
  },
  uq_redemptions_voucher_active: { code: 'ALREADY_REDEEMED', message: 'This chèque has already been redeemed.' },
};

/** The answer to a unique violation left unhandled by a service, or null when `error` is none. */
export function uniqueViolationAsDomainError(error: unknown): DomainError | null {
  const constraint = uniqueViolationConstraint(error);
  if (constraint === null) return null;
  const answer = ANSWER_BY_CONSTRAINT[constraint] ?? {
    code: 'ALREADY_EXISTS',
    message: 'This already exists (a simultaneous request may have created it).',
  };
  return new UniqueViolationError(answer.code, answer.message);
}
