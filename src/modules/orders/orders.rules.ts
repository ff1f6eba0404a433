import type { LedgerEntryKind } from '../ledger/ledger-entry-kind';
import type { OrderStatus } from './order-status';
import { OrderError } from './orders.errors';

/**
 * Pricing and life cycle of an order. Money is integer cents in `bigint`: a 1,000,000-chèque order is
 * 10^9 cents and rates multiply it by up to 10^4, beyond what a double holds exactly.
 *
 * Rounding (the only two places a fraction of a cent can appear):
 * - operator fee = face value × fee rate, rounded half up to the cent (invoice rounding);
 * - State share at the programme rate = face value × share rate, rounded down: the State never
 *   commits more than its rate.
 */

const BASIS_POINTS = 10_000n;

export interface ProgrammePricingRules {
  faceValueCents: number;
  allowedCarnetSizes: number[];
  minimumOrderCents: bigint;
  /** Per-funder cap: the most State share one funder can get under the programme. */
  funderCapCents: bigint;
  operatorFeeRateBp: number;
  stateShareRateBp: number;
}

export interface FunderEnvelope {
  envelopeCents: bigint;
  /** Sum of the maximum State shares of the funder's other live orders in the programme. */
  reservedCents: bigint;
}

export interface OrderQuantity {
  carnetCount: number;
  carnetSize: number;
}

export interface OrderPrice {
  faceValueTotalCents: bigint;
  feeCents: bigint;
  totalDueCents: bigint;
  /** Rate × face value: what the State would pay if every chèque were redeemed, before the envelope. */
  stateShareAtRateCents: bigint;
  /** Most State share this order can unlock: the share at rate, capped by the remaining envelope. */
  maxStateShareCents: bigint;
  remainingEnvelopeCents: bigint;
}

export function operatorFee(faceValueTotalCents: bigint, feeRateBp: number): bigint {
  return (faceValueTotalCents * BigInt(feeRateBp) + BASIS_POINTS / 2n) / BASIS_POINTS;
}

export function stateShareAtRate(faceValueTotalCents: bigint, shareRateBp: number): bigint {
  return (faceValueTotalCents * BigInt(shareRateBp)) / BASIS_POINTS;
}

/** What is left of the envelope after the funder's other live orders; never negative (an envelope may be lowered). */
export function remainingEnvelope(envelope: FunderEnvelope): bigint {
  const remaining = envelope.envelopeCents - envelope.reservedCents;
  return remaining > 0n ? remaining : 0n;
}

/** Prices an order, or throws the first programme rule it breaks (422 with the limit in `details`). */
export function priceOrder(programme: ProgrammePricingRules, quantity: OrderQuantity, envelope: FunderEnvelope): OrderPrice {
  if (!programme.allowedCarnetSizes.includes(quantity.carnetSize)) {
    throw new OrderError('CARNET_SIZE_NOT_ALLOWED', `Carnets of ${quantity.carnetSize} chèques are not allowed by the programme.`, {
      rule: 'allowedCarnetSizes',
      allowedCarnetSizes: programme.allowedCarnetSizes,
      carnetSize: quantity.carnetSize,
    });
  }
  const faceValueTotalCents = BigInt(quantity.carnetCount) * BigInt(quantity.carnetSize) * BigInt(programme.faceValueCents);
  if (faceValueTotalCents < programme.minimumOrderCents) {
    throw new OrderError('ORDER_BELOW_MINIMUM', `The order's face value is below the programme minimum.`, {
      rule: 'minimumOrderCents',
      minimumOrderCents: programme.minimumOrderCents.toString(),
      faceValueTotalCents: faceValueTotalCents.toString(),
    });
  }
  const shareAtRate = stateShareAtRate(faceValueTotalCents, programme.stateShareRateBp);
  if (shareAtRate > programme.funderCapCents) {
    throw new OrderError('ORDER_ABOVE_CAP', `The State share of this order would exceed the programme's per-funder cap.`, {
      rule: 'funderCapCents',
      funderCapCents: programme.funderCapCents.toString(),
      stateShareAtRateCents: shareAtRate.toString(),
    });
  }
  const feeCents = operatorFee(faceValueTotalCents, programme.operatorFeeRateBp);
  const remainingEnvelopeCents = remainingEnvelope(envelope);
  return {
    faceValueTotalCents,
    feeCents,
    totalDueCents: faceValueTotalCents + feeCents,
    stateShareAtRateCents: shareAtRate,
    maxStateShareCents: shareAtRate < remainingEnvelopeCents ? shareAtRate : remainingEnvelopeCents,
    remainingEnvelopeCents,
  };
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
