import { DomainError } from '../../common/errors/domain-error';

export type ProgrammeErrorCode = 'PROGRAMME_ALREADY_EXISTS' | 'FUNDER_ALREADY_ENROLLED' | 'ENVELOPE_ABOVE_CAP';

export class ProgrammeError extends DomainError<ProgrammeErrorCode> {}
