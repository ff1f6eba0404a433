import { DomainError } from '../../common/errors/domain-error';

export type OrganisationErrorCode =
  'SIRET_ALREADY_REGISTERED' | 'SIREN_ALREADY_REGISTERED' | 'INVALID_SIRET' | 'INVALID_SIREN' | 'UNKNOWN_FUNDER';

export class OrganisationError extends DomainError<OrganisationErrorCode> {}
