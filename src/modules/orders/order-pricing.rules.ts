/**
 * How an order is priced under its programme's rules: pure, with no server-only dependency, so that the
 * funder's order form (web/src/funder/orders/order-quote.ts) imports this very module and shows, as the
 * officer types, the figures the server will fix when the order is created (orders.rules.ts `priceOrder`).
 *
 * Money is integer cents in `bigint`: a 1,000,000-chèque order is 10^9 cents and rates multiply it by up
 * to 10^4, beyond what a double holds exactly.
 *
 * Rounding (the only two places a fraction of a cent can appear):
 * - operator fee = face value × fee rate, rounded half up to the cent (invoice rounding);
 * - State share at the programme rate = face value × share rate, rounded down: the State never
 *   commits more than its rate.
 */

const BASIS_POINTS = 10_000n;

/** Carnets of one order; large enough for a region, small enough that an order stays one generation job. */
export const MAX_CARNETS_PER_ORDER = 1_000_000;

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

/** A programme rule the order breaks, with the limit and the figure that broke it (decimal strings for cents). */
export type PricingRefusal =
  | { code: 'CARNET_SIZE_NOT_ALLOWED'; details: { rule: 'allowedCarnetSizes'; allowedCarnetSizes: number[]; carnetSize: number } }
  | { code: 'ORDER_BELOW_MINIMUM'; details: { rule: 'minimumOrderCents'; minimumOrderCents: string; faceValueTotalCents: string } }
  | { code: 'ORDER_ABOVE_CAP'; details: { rule: 'funderCapCents'; funderCapCents: string; stateShareAtRateCents: string } };

export type OrderQuote = { ok: true; price: OrderPrice } | { ok: false; refusal: PricingRefusal };

/** Cents as the database (decimal strings of `bigint` columns) or the API (JSON integers) give them. */
type Cents = bigint | number | string;

/** The programme's pricing settings, whether read from its row (server) or from `GET /programmes` (web). */
export function pricingRulesOf(programme: {
  faceValueCents: number;
  allowedCarnetSizes: number[];
  minimumOrderCents: Cents;
  defaultFunderCapCents: Cents;
  operatorFeeRateBp: number;
  stateShareRateBp: number;
}): ProgrammePricingRules {
  return {
    faceValueCents: programme.faceValueCents,
    allowedCarnetSizes: programme.allowedCarnetSizes,
    minimumOrderCents: BigInt(programme.minimumOrderCents),
    funderCapCents: BigInt(programme.defaultFunderCapCents),
    operatorFeeRateBp: programme.operatorFeeRateBp,
    stateShareRateBp: programme.stateShareRateBp,
  };
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

/** Prices an order, or says the first programme rule it breaks. */
export function quoteOrder(programme: ProgrammePricingRules, quantity: OrderQuantity, envelope: FunderEnvelope): OrderQuote {
  if (!programme.allowedCarnetSizes.includes(quantity.carnetSize)) {
    return {
      ok: false,
      refusal: {
        code: 'CARNET_SIZE_NOT_ALLOWED',
        details: { rule: 'allowedCarnetSizes', allowedCarnetSizes: programme.allowedCarnetSizes, carnetSize: quantity.carnetSize },
      },
    };
  }
  const faceValueTotalCents = BigInt(quantity.carnetCount) * BigInt(quantity.carnetSize) * BigInt(programme.faceValueCents);
  if (faceValueTotalCents < programme.minimumOrderCents) {
    return {
      ok: false,
      refusal: {
        code: 'ORDER_BELOW_MINIMUM',
        details: {
          rule: 'minimumOrderCents',
          minimumOrderCents: programme.minimumOrderCents.toString(),
          faceValueTotalCents: faceValueTotalCents.toString(),
        },
      },
    };
  }
  const shareAtRate = stateShareAtRate(faceValueTotalCents, programme.stateShareRateBp);
  if (shareAtRate > programme.funderCapCents) {
    return {
      ok: false,
      refusal: {
        code: 'ORDER_ABOVE_CAP',
        details: {
          rule: 'funderCapCents',
          funderCapCents: programme.funderCapCents.toString(),
          stateShareAtRateCents: shareAtRate.toString(),
        },
      },
    };
  }
  const feeCents = operatorFee(faceValueTotalCents, programme.operatorFeeRateBp);
  const remainingEnvelopeCents = remainingEnvelope(envelope);
  return {
    ok: true,
    price: {
      faceValueTotalCents,
      feeCents,
      totalDueCents: faceValueTotalCents + feeCents,
      stateShareAtRateCents: shareAtRate,
      maxStateShareCents: shareAtRate < remainingEnvelopeCents ? shareAtRate : remainingEnvelopeCents,
      remainingEnvelopeCents,
    },
  };
}
