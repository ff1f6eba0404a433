import { DEVICE_CLOCK_TOLERANCE_MS } from '../../../../src/modules/redemptions/redemption.rules';
import { type AlreadyRedeemed, type Verdict, verdictOf } from '../counter/verdicts';
import type { OfflineBatchReport, SyncOutcome } from './offline-store';

type Item = OfflineBatchReport['items'][number];
type Reason = NonNullable<Item['reason']>;

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

const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * Whether an "already redeemed" conflict is the redemption request whose answer was lost: the chèque was
 * sent for redemption at `answerLostAt` (device clock), then queued; the server has it redeemed by this
 * venue since then (give or take the device clock's tolerance). The chèque is redeemed once, by this venue:
 * nothing for the agent to do.
 */
export function isOwnLostRedemption(item: Item, answerLostAt: string | null | undefined): boolean {
  if (!answerLostAt || item.outcome !== 'conflict' || item.reason !== 'ALREADY_REDEEMED') return false;
  const details = item.details as AlreadyRedeemed | undefined;
  if (!details?.redeemedHere || !details.redeemedAt) return false;
  return Date.parse(details.redeemedAt) >= Date.parse(answerLostAt) - DEVICE_CLOCK_TOLERANCE_MS;
}

function ownLostRedemptionVerdict(item: Item): Verdict {
  const redeemedAt = (item.details as AlreadyRedeemed).redeemedAt;
  return {
    accepted: true,
    title: 'Chèque encaissé',
    reason: `Votre lieu a encaissé ce chèque${redeemedAt ? ` le ${PARIS_DATE_TIME.format(new Date(redeemedAt))}` : ''}, quand le réseau a coupé : la réponse s’était perdue. Il n’est compté qu’une fois.`,
    action: 'Gardez le chèque papier ; il n’y a rien d’autre à faire.',
  };
}

export interface SyncSummary {
  /** Redeemed by the batch, and by a redemption whose answer was lost. */
  acceptedCount: number;
  conflictCount: number;
  /** What to show for each chèque worth a word: every conflict, and every lost answer found redeemed. */
  verdicts: (Verdict & { label: string; index: number })[];
}

/** What a synchronisation decided, as the agent reads it: a lost answer found redeemed here counts as redeemed. */
export function syncSummary(outcome: SyncOutcome): SyncSummary {
  let acceptedCount = outcome.report.acceptedCount;
  const verdicts: SyncSummary['verdicts'] = [];
  for (const item of outcome.report.items) {
    if (item.outcome !== 'conflict') continue;
    const label = item.serial ?? outcome.labels[item.index] ?? `n° ${item.index + 1}`;
    if (isOwnLostRedemption(item, outcome.answerLostAt?.[item.index])) {
      acceptedCount += 1;
      verdicts.push({ label, index: item.index, ...ownLostRedemptionVerdict(item) });
    } else {
      verdicts.push({ label, index: item.index, ...conflictVerdict(item.reason, item.details) });
    }
  }
  return { acceptedCount, conflictCount: outcome.report.items.length - acceptedCount, verdicts };
}
