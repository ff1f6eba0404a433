import {
  MAX_CARNETS_PER_ORDER,
  type OrderPrice,
  type PricingRefusal,
  pricingRulesOf,
  quoteOrder,
} from '../../../../src/modules/orders/order-pricing.rules';
import { euros } from '../../layout/labels';
import type { ProgrammeView } from '../funder-api';

export type TypedQuote =
  { state: 'incomplete'; problem?: string } | { state: 'refused'; problem: string } | { state: 'priced'; price: OrderPrice };

/** Why the server would refuse this order, said in French with the programme's figures. */
export function refusalSentence(refusal: PricingRefusal): string {
  switch (refusal.code) {
    case 'CARNET_SIZE_NOT_ALLOWED':
      return `Ce programme n’autorise que les carnets de ${refusal.details.allowedCarnetSizes.join(' ou ')} chèques.`;
    case 'ORDER_BELOW_MINIMUM':
      return `La commande minimale de ce programme est de ${euros(refusal.details.minimumOrderCents)} en valeur des chèques ; celle-ci en fait ${euros(refusal.details.faceValueTotalCents)}.`;
    case 'ORDER_ABOVE_CAP':
      return `La part de l’État de cette commande (${euros(refusal.details.stateShareAtRateCents)}) dépasserait le plafond par financeur du programme (${euros(refusal.details.funderCapCents)}).`;
  }
}

/**
 * What the order form shows as the officer types: the server's own pricing (order-pricing.rules.ts) of the
 * typed quantity, under the programme's rules and what is left of the funder's envelope.
 */
export function quoteTyped(programme: ProgrammeView, typedCount: string, carnetSize: number): TypedQuote {
  const text = typedCount.replace(/\s/g, '');
  if (text === '') return { state: 'incomplete' };
  if (!/^\d+$/.test(text)) return { state: 'incomplete', problem: 'Saisissez un nombre entier de carnets, en chiffres.' };
  const carnetCount = Number(text);
  if (carnetCount < 1) return { state: 'incomplete', problem: 'Commandez au moins un carnet.' };
  if (carnetCount > MAX_CARNETS_PER_ORDER)
    return { state: 'refused', problem: `Une commande compte au plus ${MAX_CARNETS_PER_ORDER.toLocaleString('fr-FR')} carnets.` };
  const envelope = programme.enrolment ?? { envelopeCents: 0, reservedCents: 0 };
  const quote = quoteOrder(
    pricingRulesOf(programme),
    { carnetCount, carnetSize },
    { envelopeCents: BigInt(envelope.envelopeCents), reservedCents: BigInt(envelope.reservedCents) },
  );
  return quote.ok ? { state: 'priced', price: quote.price } : { state: 'refused', problem: refusalSentence(quote.refusal) };
}
