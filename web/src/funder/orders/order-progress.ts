import type { OrderView } from '../funder-api';

/** The steps of an order as the funder follows them (DOMAIN: submitted → approved → paid → generating → ready). */
export const ORDER_STEPS = ['Envoyée à l’ANCT', 'Validée par l’ANCT', 'Paiement reçu', 'Carnets en préparation', 'Carnets prêts'] as const;

const STEP_OF_STATUS: Record<string, number> = { draft: 0, submitted: 1, approved: 2, paid: 3, generating: 4, ready: 5 };

/** Which step (1-based) the order has reached; 0 for a draft not sent yet; null when it stopped (refused or cancelled). */
export function orderStep(status: string): number | null {
  return STEP_OF_STATUS[status] ?? null;
}

/**
 * How often the page asks the server again, in ms: quickly while the worker generates the carnets, slowly
 * while the order waits for ANCT, not at all once nothing more can happen without the funder.
 */
export function refreshDelay(status: string): number | null {
  switch (status) {
    case 'paid':
    case 'generating':
      return 1_000;
    case 'submitted':
    case 'approved':
      return 5_000;
    default:
      return null;
  }
}

/** "120 carnets sur 200 (1 200 chèques sur 2 000)". */
export function generationSentence(order: Pick<OrderView, 'generation'>): string {
  const { doneCarnets, totalCarnets, doneVouchers, totalVouchers } = order.generation;
  const n = (value: number) => value.toLocaleString('fr-FR');
  return `${n(doneCarnets)} carnets sur ${n(totalCarnets)} (${n(doneVouchers)} chèques sur ${n(totalVouchers)})`;
}
