import { type AlreadyRedeemed, type Verdict, verdictOf } from '../counter/verdicts';
import type { OfflineBatchReport } from './offline-store';

type Reason = NonNullable<OfflineBatchReport['items'][number]['reason']>;

/**
 * Why a chèque taken offline was not redeemed at synchronisation, in plain French with what to do. The
 * chèques' own refusals read as at the counter (verdicts.ts); the rest belong to offline scans only
 * (src/modules/redemptions/offline-scan.rules.ts).
 */
export function conflictVerdict(reason: Reason | undefined, details?: Record<string, unknown>): Verdict {
  switch (reason) {
    case 'UNKNOWN_SERVICE':
      return {
        accepted: false,
        title: 'Service fermé',
        reason: 'Le service choisi n’existe plus ou a été fermé pendant que vous étiez hors ligne.',
        action: 'Encaissez à nouveau ce chèque en ligne, pour un service ouvert, si la personne est encore là.',
      };
    case 'UNKNOWN_SITE':
      return {
        accepted: false,
        title: 'Site inconnu',
        reason: 'Le site de votre lieu indiqué pour ce chèque n’existe plus.',
        action: 'Encaissez à nouveau ce chèque en ligne.',
      };
    case 'SCAN_IN_FUTURE':
      return {
        accepted: false,
        title: 'Heure de l’appareil fausse',
        reason: 'L’heure de cet appareil était en avance au moment de la lecture du chèque.',
        action: 'Réglez l’heure de l’appareil, puis encaissez à nouveau ce chèque en ligne.',
      };
    case 'SCAN_TOO_OLD':
      return {
        accepted: false,
        title: 'Envoyé trop tard',
        reason: 'Ce chèque a été lu hors ligne il y a trop longtemps pour être encaissé.',
        action: 'Contactez l’ANCT avec le chèque papier.',
      };
    case 'OFFLINE_CEILING_EXCEEDED':
      return {
        accepted: false,
        title: 'Plafond hors ligne atteint',
        reason: 'Votre lieu a atteint le montant maximum de chèques encaissés hors ligne pour ce programme.',
        action: 'Encaissez à nouveau ce chèque en ligne.',
      };
    default:
      return verdictOf(reason ?? 'INVALID_CODE', details as AlreadyRedeemed | undefined);
  }
}
