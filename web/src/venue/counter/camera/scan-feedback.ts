/** What became of one QR code read by the camera, as the counter decided it. */
export type ScanOutcome =
  | { kind: 'added'; serial: string }
  | { kind: 'already_in_basket'; serial: string }
  /** Offline or on a network that does not answer: verified on the device and queued. */
  | { kind: 'queued'; serial: string }
  | { kind: 'already_queued'; serial: string }
  /** The server's verdict is shown in full in the counter's "Résultat". */
  | { kind: 'refused'; serial: string | null; title: string }
  | { kind: 'failed'; message: string };

export type ScanFeedback = { tone: 'info' | 'valid' | 'error'; text: string };

export const CHECKING: ScanFeedback = { tone: 'info', text: 'QR code lu : vérification du chèque…' };

/** The line under the camera image, in words (with an icon): colour is never the only signal. */
export function scanFeedbackOf(outcome: ScanOutcome): ScanFeedback {
  switch (outcome.kind) {
    case 'added':
      return { tone: 'valid', text: `Chèque ${outcome.serial} ajouté au panier.` };
    case 'already_in_basket':
      return { tone: 'info', text: `Le chèque ${outcome.serial} est déjà dans le panier : il n’est pas ajouté une deuxième fois.` };
    case 'queued':
      return { tone: 'valid', text: `Chèque ${outcome.serial} mis en attente : accepté sous réserve.` };
    case 'already_queued':
      return { tone: 'info', text: `Le chèque ${outcome.serial} est déjà en attente : il n’est pas pris une deuxième fois.` };
    case 'refused':
      return {
        tone: 'error',
        text: `${outcome.serial ? `Chèque ${outcome.serial} refusé` : 'QR code refusé'} — ${outcome.title}. Voir le résultat ci-dessous.`,
      };
    case 'failed':
      return { tone: 'error', text: outcome.message };
  }
}
