import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import type { Notice } from '../layout/NoticeArea';

/** A counter that, put in a useApiData dependency list, reloads the data when bumped (after an action). */
export function useReload(): [number, () => void] {
  const [count, setCount] = useState(0);
  return [count, () => setCount((value) => value + 1)];
}

/**
 * Bumps `reload` every `everyMs` while `active`: how a page follows a long job (statement run, generation,
 * reconciliation) without a frozen screen. Stops by itself once the job is over.
 */
export function usePolling(active: boolean, reload: () => void, everyMs = 1500): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
}

export { NoticeArea, type Notice } from '../layout/NoticeArea';

/** French sentences for the refusals an ANCT agent can meet; otherwise the generic sentence with the code. */
const REFUSALS: Record<string, string> = {
  VALIDATION_FAILED: 'Certaines valeurs sont invalides : vérifiez le formulaire.',
  NOT_FOUND: 'Cet objet n’existe pas ou plus.',
  PROGRAMME_ALREADY_EXISTS: 'Un programme porte déjà ce nom.',
  UNKNOWN_FUNDER: 'Ce financeur est inconnu.',
  FUNDER_ALREADY_ENROLLED: 'Ce financeur est déjà inscrit à ce programme.',
  ENVELOPE_ABOVE_CAP: 'L’enveloppe dépasse le plafond du programme.',
  PAYMENT_AMOUNT_MISMATCH: 'Le montant reçu doit être égal au montant dû de la commande.',
  INVALID_STATE_TRANSITION: 'L’objet n’est plus dans un état qui permet cette action : rechargez la page.',
  CONCURRENT_MODIFICATION: 'Quelqu’un a modifié cet objet en même temps : rechargez la page.',
  ALREADY_EXISTS: 'Cet objet existe déjà.',
  SIRET_ALREADY_REGISTERED: 'Ce SIRET est déjà enregistré.',
  SIREN_ALREADY_REGISTERED: 'Ce SIREN est déjà enregistré.',
  INVALID_SIRET: 'Ce SIRET n’est pas valide.',
  INVALID_SIREN: 'Ce SIREN n’est pas valide.',
  EMAIL_ALREADY_USED: 'Cette adresse e-mail est déjà utilisée.',
  CANNOT_DEACTIVATE_SELF: 'Vous ne pouvez pas désactiver votre propre compte.',
  PAYMENT_DATE_IN_FUTURE: 'La date du paiement ne peut pas être dans le futur.',
  INVALID_PAYMENT_DATE: 'Cette date de paiement n’est pas acceptée.',
  VENUE_BANK_ACCOUNT_MISSING: 'Un lieu n’a pas enregistré ses coordonnées bancaires.',
  STATEMENTS_NOT_PAYABLE: 'Certains relevés ne sont pas validés ou sont déjà dans un lot de virements.',
  STATEMENT_DOCUMENTS_NOT_READY: 'Les documents du relevé sont encore en préparation.',
  INVALID_STATEMENT_PERIOD: 'La fin de période doit être un jour passé.',
  INVALID_EXECUTION_DATE: 'La date d’exécution ne peut pas être passée.',
  STATE_SHARE_PAYMENT_EXCEEDS_DUE: 'Ce versement dépasse la part de l’État due.',
  UNKNOWN_COMMUNE: 'Ce code commune INSEE est inconnu.',
};

export function refusalText(error: unknown, fallback = 'L’action a échoué. Réessayez dans un instant.'): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    if (REFUSALS[code]) return REFUSALS[code];
    const known = errorMessage(error, '');
    if (known) return known;
    const message = 'message' in error ? String((error as { message: unknown }).message) : '';
    return `${fallback} (${code}${message ? ` : ${message}` : ''})`;
  }
  return fallback;
}

/** Runs one API change and says how it went; `true` when the server accepted it. */
export async function attempt(
  call: () => Promise<{ error?: unknown; response: Response }>,
  success: string,
  setNotice: (notice: Notice) => void,
): Promise<boolean> {
  try {
    const answer = await call();
    if (answer.response.ok) {
      setNotice({ severity: 'success', text: success });
      return true;
    }
    setNotice({ severity: 'error', text: refusalText(answer.error) });
  } catch {
    setNotice({ severity: 'error', text: 'La connexion a échoué : rien n’a été enregistré. Réessayez.' });
  }
  return false;
}

export { bpOf, centsOf, duration, frenchDateTime, objectPath, parisToday, percentOf, typedEuros } from './typed-values';
