import { DomainError } from '../../common/errors/domain-error';

export type CommuneErrorCode = 'UNKNOWN_COMMUNE';

export class CommuneError extends DomainError<CommuneErrorCode> {}

/** An address whose commune the official list does not know (or whose postcode is not the commune's). */
export class UnknownCommuneError extends CommuneError {
  constructor(field: string, described: string) {
    super('UNKNOWN_COMMUNE', `Commune inconnue : ${described}. Vérifiez le code postal et le nom de la commune (ou son code INSEE).`, {
      field,
    });
  }
}
