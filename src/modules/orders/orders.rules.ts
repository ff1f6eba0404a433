import type { LedgerEntryKind } from '../ledger/ledger-entry-kind';
import type { OrderStatus } from './order-status';
import { OrderError } from './orders.errors';
import {
  type FunderEnvelope,
  type OrderPrice,
  type OrderQuantity,
  type PricingRefusal,
  type ProgrammePricingRules,
  quoteOrder,
} from './order-pricing.rules';

/** The life cycle of an order and its money checks; its pricing is in order-pricing.rules.ts (shared with the web form). */

function refusalMessage(refusal: PricingRefusal): string {
  switch (refusal.code) {
    case 'CARNET_SIZE_NOT_ALLOWED':
      return `Carnets of ${refusal.details.carnetSize} chèques are not allowed by the programme.`;
    case 'ORDER_BELOW_MINIMUM':
      return `The order's face value is below the programme minimum.`;
    case 'ORDER_ABOVE_CAP':
      return `The State share of this order would exceed the programme's per-funder cap.`;
  }
}

/** Prices an order, or throws the first programme rule it breaks (422 with the limit in `details`). */
export function priceOrder(programme: ProgrammePricingRules, quantity: OrderQuantity, envelope: FunderEnvelope): OrderPrice {
  const quote = quoteOrder(programme, quantity, envelope);
  if (!quote.ok) throw new OrderError(quote.refusal.code, refusalMessage(quote.refusal), quote.refusal.details);
  return quote.price;
}

/** Orders that hold a part of the funder's envelope: everything but the refused and the abandoned. */
export const LIVE_ORDER_STATUSES: readonly OrderStatus[] = ['draft', 'submitted', 'approved', 'paid', 'generating', 'ready'];

export const ORDER_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  recordPayment: { from: ['approved'], to: 'paid' },
  startGeneration: { from: ['paid'], to: 'generating' },
  finishGeneration: { from: ['generating'], to: 'ready' },
  // Not after payment: from then on the chèques exist (or are being made) and the money is in.
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

export function canTransition(transition: OrderTransition, current: OrderStatus): boolean {
  return (ORDER_TRANSITIONS[transition].from as readonly OrderStatus[]).includes(current);
}

export interface OrderBalance {
  faceValueDueCents: string;
  feeDueCents: string;
  paymentsReceivedCents: string;
  /** What the funder still owes: dues minus payments (negative = overpaid). */
  balanceDueCents: string;
}

/** Balance of an order from its ledger totals (reversals are already netted in the sums). */
export function orderBalance(totals: Partial<Record<LedgerEntryKind, string>>): OrderBalance {
  const faceValueDue = BigInt(totals.order_face_value_due ?? '0');
  const feeDue = BigInt(totals.operator_fee_due ?? '0');
  const received = BigInt(totals.funder_payment_received ?? '0');
  return {
    faceValueDueCents: faceValueDue.toString(),
    feeDueCents: feeDue.toString(),
    paymentsReceivedCents: received.toString(),
    balanceDueCents: (faceValueDue + feeDue - received).toString(),
  };
}

/** A recorded payment must cover exactly what is due: value must not circulate uncovered, nor be paid twice. */
export function assertPaymentCoversOrder(amountCents: bigint, totalDueCents: bigint): void {
  if (amountCents !== totalDueCents) {
    throw new OrderError('PAYMENT_AMOUNT_MISMATCH', 'The payment amount must equal the total due of the order.', {
      rule: 'totalDueCents',
      totalDueCents: totalDueCents.toString(),
      amountCents: amountCents.toString(),
    });
  }
}

/** Territory restriction as stored: codes once each, sorted, so equal restrictions compare equal. */
export function normaliseTerritory(codes: readonly string[] | undefined): string[] {
  return [...new Set((codes ?? []).map((code) => code.toUpperCase()))].sort();
}

/** A payment is recorded once received: its value date cannot be later than today in Paris. */
export function assertPaymentDateNotInFuture(paymentDate: string, parisToday: string): void {
  if (paymentDate > parisToday) {
    throw new OrderError('PAYMENT_DATE_IN_FUTURE', 'The payment date cannot be in the future.', {
      rule: 'paymentDate',
      paymentDate,
      today: parisToday,
    });
  }
}

/**
 * Most territory entries (départements + communes) an order may restrict its chèques to. Each entry takes
 * 3 bytes of the signed QR payload; at 40 entries and the longest key id (16 characters) the QR is a
 * version 13 symbol (69 modules + quiet zone) printed 150 pt wide: 0.69 mm a module, 4 pixels at 150 dpi,
 * which a home printer renders and a phone (and jsQR, in printing.e2e-spec.ts) reads. At 100 entries
 * (version 19, 0.52 mm, 3 pixels) the printed codes no longer decoded at 150 dpi; the 255 entries the
 * payload format allows gave 0.37 mm, and past them the PDF failed. A larger area is expressed with
 * départements, not communes.
 */
export const MAX_TERRITORY_ENTRIES = 40;

/** The order's territory, once normalised, must print as a readable QR (see MAX_TERRITORY_ENTRIES). */
export function assertPrintableTerritory(departements: readonly string[], communes: readonly string[]): void {
  const entries = departements.length + communes.length;
  if (entries > MAX_TERRITORY_ENTRIES) {
    throw new OrderError(
      'TERRITORY_TOO_LARGE',
      `The territory restriction has ${entries} entries; at most ${MAX_TERRITORY_ENTRIES} fit in the chèque's printed QR code. Name départements rather than their communes.`,
      { rule: 'territory', entries, maxEntries: MAX_TERRITORY_ENTRIES },
    );
  }
}
