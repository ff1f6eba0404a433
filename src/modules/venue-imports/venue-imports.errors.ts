import { DomainError } from '../../common/errors/domain-error';

export type VenueImportErrorCode = 'NOT_STANDARD_FILE';

export class VenueImportError extends DomainError<VenueImportErrorCode> {}
