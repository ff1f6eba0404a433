import fc from 'fast-check';
import { ORDER_STATUSES, type OrderStatus } from './order-status';
import { OrderError } from './orders.errors';
import {
  assertPaymentCoversOrder,
  assertPaymentDateNotInFuture,
  canTransition,
  LIVE_ORDER_STATUSES,
  normaliseTerritory,
  orderBalance,
  ORDER_TRANSITIONS,
  priceOrder,
} from './orders.rules';
import type { ProgrammePricingRules } from './order-pricing.rules';

const PROGRAMME: ProgrammePricingRules = {
  faceValueCents: 1000,
  allowedCarnetSizes: [5, 10],
  minimumOrderCents: 1_000_000n,
  funderCapCents: 300_000_000n,
  operatorFeeRateBp: 400,
  stateShareRateBp: 5000,
};
const FULL_ENVELOPE = { envelopeCents: 300_000_000n, reservedCents: 0n };

function caught(call: () => unknown): OrderError {
  try {
    call();
  } catch (error) {
    if (error instanceof OrderError) return error;
    throw error;
  }
  throw new Error('expected an OrderError');
}

describe('priceOrder', () => {
  it('prices the historical case: 200 carnets of 10 chèques at 10 €, 4 % fee, 50 % State share', () => {
    expect(priceOrder(PROGRAMME, { carnetCount: 200, carnetSize: 10 }, FULL_ENVELOPE)).toEqual({
      faceValueTotalCents: 2_000_000n,
      feeCents: 80_000n,
      totalDueCents: 2_080_000n,
      stateShareAtRateCents: 1_000_000n,
      maxStateShareCents: 1_000_000n,
      remainingEnvelopeCents: 300_000_000n,
    });
  });

  it.each([
    ['the whole share fits', { envelopeCents: 5_000_000n, reservedCents: 1_000_000n }, 1_000_000n, 4_000_000n],
    ['the share is capped by what is left', { envelopeCents: 5_000_000n, reservedCents: 4_600_000n }, 400_000n, 400_000n],
    ['nothing is left', { envelopeCents: 5_000_000n, reservedCents: 5_000_000n }, 0n, 0n],
    ['more is reserved than granted', { envelopeCents: 5_000_000n, reservedCents: 6_000_000n }, 0n, 0n],
  ])('caps the State share by the remaining envelope when %s', (_, envelope, maxShare, remaining) => {
    const price = priceOrder(PROGRAMME, { carnetCount: 200, carnetSize: 10 }, envelope);
    expect(price.maxStateShareCents).toBe(maxShare);
    expect(price.remainingEnvelopeCents).toBe(remaining);
  });

  it('prices a million chèques exactly (beyond 2^53 when multiplied by a rate)', () => {
    const price = priceOrder(
      { ...PROGRAMME, minimumOrderCents: 0n, funderCapCents: 10n ** 12n, operatorFeeRateBp: 333 },
      { carnetCount: 100_000, carnetSize: 10 },
      { envelopeCents: 10n ** 12n, reservedCents: 0n },
    );
    expect(price.faceValueTotalCents).toBe(1_000_000_000n);
    expect(price.feeCents).toBe(33_300_000n);
    expect(price.totalDueCents).toBe(1_033_300_000n);
    expect(price.stateShareAtRateCents).toBe(500_000_000n);
  });

  it.each<[string, ProgrammePricingRules, number, number, string, Record<string, unknown>]>([
    [
      'a carnet size the programme does not allow',
      PROGRAMME,
      200,
      7,
      'CARNET_SIZE_NOT_ALLOWED',
      { rule: 'allowedCarnetSizes', allowedCarnetSizes: [5, 10], carnetSize: 7 },
    ],
    [
      'a face value one chèque below the minimum',
      PROGRAMME,
      199,
      5,
      'ORDER_BELOW_MINIMUM',
      { rule: 'minimumOrderCents', minimumOrderCents: '1000000', faceValueTotalCents: '995000' },
    ],
    [
      'a State share one cent above the cap',
      { ...PROGRAMME, funderCapCents: 999_999n },
      200,
      10,
      'ORDER_ABOVE_CAP',
      { rule: 'funderCapCents', funderCapCents: '999999', stateShareAtRateCents: '1000000' },
    ],
  ])('refuses %s', (_, programme, carnetCount, carnetSize, code, details) => {
    const error = caught(() => priceOrder(programme, { carnetCount, carnetSize }, FULL_ENVELOPE));
    expect(error.code).toBe(code);
    expect(error.details).toEqual(details);
  });

  it('accepts exactly the minimum and exactly the cap', () => {
    expect(priceOrder(PROGRAMME, { carnetCount: 200, carnetSize: 5 }, FULL_ENVELOPE).faceValueTotalCents).toBe(1_000_000n);
    expect(
      priceOrder({ ...PROGRAMME, funderCapCents: 1_000_000n }, { carnetCount: 200, carnetSize: 10 }, FULL_ENVELOPE).stateShareAtRateCents,
    ).toBe(1_000_000n);
  });

  it('property: total = face value + fee, State share ≤ rate × face value, ≤ remaining envelope, ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(5, 10),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        (carnetCount, carnetSize, operatorFeeRateBp, stateShareRateBp, envelopeCents, reservedCents) => {
          const programme = { ...PROGRAMME, minimumOrderCents: 0n, funderCapCents: 10n ** 12n, operatorFeeRateBp, stateShareRateBp };
          const price = priceOrder(programme, { carnetCount, carnetSize }, { envelopeCents, reservedCents });
          expect(price.faceValueTotalCents).toBe(BigInt(carnetCount * carnetSize * 1000));
          expect(price.totalDueCents).toBe(price.faceValueTotalCents + price.feeCents);
          expect(price.maxStateShareCents >= 0n).toBe(true);
          expect(price.maxStateShareCents <= price.stateShareAtRateCents).toBe(true);
          expect(price.maxStateShareCents <= price.remainingEnvelopeCents).toBe(true);
          expect(
            price.maxStateShareCents === price.stateShareAtRateCents || price.maxStateShareCents === price.remainingEnvelopeCents,
          ).toBe(true);
        },
      ),
    );
  });
});

describe('order life cycle', () => {
  const allowed: Array<[keyof typeof ORDER_TRANSITIONS, OrderStatus[]]> = [
    ['submit', ['draft']],
    ['approve', ['submitted']],
    ['reject', ['submitted']],
    ['recordPayment', ['approved']],
    ['startGeneration', ['paid']],
    ['finishGeneration', ['generating']],
    ['cancel', ['draft', 'submitted', 'approved']],
  ];
  it.each(allowed)('%s is allowed only from %j', (transition, from) => {
    for (const status of ORDER_STATUSES) expect([status, canTransition(transition, status)]).toEqual([status, from.includes(status)]);
  });

  it('has no way out of rejected, cancelled or ready', () => {
    for (const status of ['rejected', 'cancelled', 'ready'] as const) {
      expect(Object.keys(ORDER_TRANSITIONS).filter((t) => canTransition(t as keyof typeof ORDER_TRANSITIONS, status))).toEqual([]);
    }
  });

  it('counts every status but rejected and cancelled against the envelope', () => {
    expect(ORDER_STATUSES.filter((status) => !LIVE_ORDER_STATUSES.includes(status))).toEqual(['rejected', 'cancelled']);
  });
});

describe('orderBalance', () => {
  it.each([
    [{}, { faceValueDueCents: '0', feeDueCents: '0', paymentsReceivedCents: '0', balanceDueCents: '0' }],
    [
      { order_face_value_due: '2000000', operator_fee_due: '80000' },
      { faceValueDueCents: '2000000', feeDueCents: '80000', paymentsReceivedCents: '0', balanceDueCents: '2080000' },
    ],
    [
      { order_face_value_due: '2000000', operator_fee_due: '80000', funder_payment_received: '2080000' },
      { faceValueDueCents: '2000000', feeDueCents: '80000', paymentsReceivedCents: '2080000', balanceDueCents: '0' },
    ],
    [
      { order_face_value_due: '0', operator_fee_due: '0' },
      { faceValueDueCents: '0', feeDueCents: '0', paymentsReceivedCents: '0', balanceDueCents: '0' },
    ], // approved then cancelled: reversals net to zero
    [
      { order_face_value_due: '9007199254740993', funder_payment_received: '1' },
      { faceValueDueCents: '9007199254740993', feeDueCents: '0', paymentsReceivedCents: '1', balanceDueCents: '9007199254740992' },
    ],
  ])('%j → %j', (totals, balance) => {
    expect(orderBalance(totals)).toEqual(balance);
  });
});

describe('payment checks', () => {
  it('accepts exactly the total due and refuses one cent more or less', () => {
    expect(() => assertPaymentCoversOrder(2_080_000n, 2_080_000n)).not.toThrow();
    expect(caught(() => assertPaymentCoversOrder(2_079_999n, 2_080_000n)).code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(caught(() => assertPaymentCoversOrder(2_080_001n, 2_080_000n)).details).toEqual({
      rule: 'totalDueCents',
      totalDueCents: '2080000',
      amountCents: '2080001',
    });
  });

  it('accepts a payment dated today or earlier in Paris, not tomorrow', () => {
    expect(() => assertPaymentDateNotInFuture('2026-03-01', '2026-03-01')).not.toThrow();
    expect(() => assertPaymentDateNotInFuture('2025-12-31', '2026-03-01')).not.toThrow();
    expect(caught(() => assertPaymentDateNotInFuture('2026-03-02', '2026-03-01')).code).toBe('PAYMENT_DATE_IN_FUTURE');
  });
});

describe('normaliseTerritory', () => {
  it('keeps each code once, upper-cased and sorted', () => {
    expect(normaliseTerritory(['69', '2a', '01', '69'])).toEqual(['01', '2A', '69']);
    expect(normaliseTerritory(undefined)).toEqual([]);
  });
});
