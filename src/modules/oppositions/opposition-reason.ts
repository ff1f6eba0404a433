/** Why a carnet or chèque is put in opposition: a closed list, published in the revocation list. */
export const OPPOSITION_REASONS = ['lost', 'stolen', 'damaged', 'not_received', 'blocked', 'fraud_suspected'] as const;
export type OppositionReason = (typeof OPPOSITION_REASONS)[number];

export const OPPOSITION_REASON_LABELS: Record<OppositionReason, string> = {
  lost: 'Perdu',
  stolen: 'Volé',
  damaged: 'Abîmé ou illisible',
  not_received: 'Jamais reçu (perdu à l’envoi)',
  blocked: 'Bloqué par le financeur',
  fraud_suspected: 'Suspicion de fraude',
};
